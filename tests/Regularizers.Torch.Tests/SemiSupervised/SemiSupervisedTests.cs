using Regularizers.Torch.SemiSupervised;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.SemiSupervised;

/// <summary>The ramp, the unlabelled pool, and the gradients pseudo-labelling and the Π-model's consistency add.</summary>
public sealed class SemiSupervisedTests
{
    private sealed class LabelledDataset(Tensor x, Tensor y) : utils.data.Dataset
    {
        public override long Count => x.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = x[index], ["label"] = y[index] };
    }

    [Fact]
    public void RampUp_Weight_FollowsExpMinusFiveOneMinusTSquared()
    {
        var ramp = new RampUp(2, 100);

        Assert.Equal(2 * Math.Exp(-5), ramp.Weight(0), 12);
        Assert.Equal(2 * Math.Exp(-1.25), ramp.Weight(50), 12);
        Assert.Equal(2, ramp.Weight(100));
        Assert.Equal(2, ramp.Weight(1000));
        Assert.Equal(3, new RampUp(3, 0).Weight(0));
    }

    [Fact]
    public void UnlabelledBatches_FromDatasetWithLabels_Throws()
    {
        using var x = randn(4, 2);
        using var y = tensor(new long[] { 0, 1, 0, 1 });

        var error = Assert.Throws<ArgumentException>(() => UnlabelledBatches.FromDataset(new LabelledDataset(x, y), 2));

        Assert.StartsWith("dataset must hold unlabelled examples, but example 0 has a \"label\" tensor: pass labelled examples to Trainer.Fit, and only their inputs here.", error.Message);
    }

    [Theory]
    [InlineData(0.0, "threshold must be a finite number in the range (0, 1]. Received: threshold=0.")]
    [InlineData(1.5, "threshold must be a finite number in the range (0, 1]. Received: threshold=1.5.")]
    [InlineData(double.NaN, "threshold must be a finite number in the range (0, 1]. Received: threshold=NaN.")]
    public void PseudoLabelling_BadThreshold_ThrowsNamingIt(double threshold, string message)
    {
        using var pool = new UnlabelledBatches(randn(4, 2), 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PseudoLabelling(pool, threshold, new RampUp(1, 0)));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void RampUp_NegativeOrInfiniteWeight_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RampUp(double.NegativeInfinity, 10));

        Assert.StartsWith("maxWeight must be a finite number greater than or equal to 0. Received: maxWeight=-Infinity.", error.Message);
    }

    [Fact]
    public void PseudoLabelling_AddsTheGradientOfTheConfidentExamplesCrossEntropy()
    {
        using var model = Mlp(3);
        manual_seed(4);
        using var u = randn(16, 4) * 3;
        using var pool = new UnlabelledBatches(u, 16);
        var callback = new PseudoLabelling(pool, 0.6, new RampUp(0.5, 0));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var context = ContextFor(model, optimizer);
        // The batch is all 16 examples (in a random order, which a mean does not see).
        using var probabilities = nn.functional.softmax(model.call(u), 1).detach();
        var (confidence, targets) = probabilities.max(1);
        using var accepted = confidence.ge(0.6).to_type(ScalarType.Float32);
        using var expectedLoss = (nn.functional.cross_entropy(model.call(u), targets, reduction: nn.Reduction.None) * accepted).mean() * 0.5;
        expectedLoss.backward();
        var expected = Values(((TorchSharp.Modules.Linear)model[0]).weight.grad!);
        optimizer.zero_grad();

        callback.OnAfterBackward(context);

        Assert.InRange(callback.LastAcceptedFraction, 0.1, 0.9);
        Assert.Equal(Scalar(accepted.mean()), callback.LastAcceptedFraction, 1e-6);
        var actual = Values(((TorchSharp.Modules.Linear)model[0]).weight.grad!);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6f);
        }
    }

    [Fact]
    public void Consistency_DeterministicModel_IsZeroAndAddsNoGradient()
    {
        using var model = Mlp(5);
        using var pool = new UnlabelledBatches(randn(8, 4), 8);
        var callback = new ConsistencyRegularization(pool, new RampUp(10, 0));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var context = ContextFor(model, optimizer);
        model.call(randn(2, 4)).sum().backward();
        var before = Values(((TorchSharp.Modules.Linear)model[0]).weight.grad!);

        callback.OnAfterBackward(context);

        Assert.Equal(0, callback.LastConsistency);
        Assert.Equal(before, Values(((TorchSharp.Modules.Linear)model[0]).weight.grad!));
    }

    [Fact]
    public void Consistency_WithDropout_IsPositiveAndTrainsWithTheTrainer()
    {
        manual_seed(6);
        using var model = nn.Sequential(("fc1", nn.Linear(4, 16)), ("act", nn.ReLU()), ("drop", nn.Dropout(0.5)), ("fc2", nn.Linear(16, 2)));
        using var x = randn(32, 4);
        using var y = x.select(1, 0).gt(0).to_type(ScalarType.Int64);
        using var pool = new UnlabelledBatches(randn(64, 4), 16, seed: 7);
        var callback = new ConsistencyRegularization(pool, new RampUp(1, 10));
        using var optimizer = optim.Adam(model.parameters(), 0.01);

        var history = new Trainer(model, optimizer, new TrainerOptions { Epochs = 5, BatchSize = 8, Seed = 8, Callbacks = [callback] }).Fit(x, y);

        Assert.Equal(5, history.Epochs.Count);
        Assert.InRange(callback.LastConsistency, 1e-6, 0.5);
    }

    private static TrainingContext ContextFor(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
    {
        TrainingContext? captured = null;
        var trainer = new Trainer(model, optimizer, new TrainerOptions { Epochs = 1, BatchSize = 1, Callbacks = [new Capture(c => captured ??= c)] });
        using var x = zeros(1, 4);
        using var y = zeros(1, ScalarType.Int64);
        trainer.Fit(x, y);
        optimizer.zero_grad();
        return captured!;
    }

    private sealed class Capture(Action<TrainingContext> seen) : TrainingCallback
    {
        public override void OnTrainBegin(TrainingContext context) => seen(context);
    }
}
