using Regularizers.Torch.Losses;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Losses;

[Collection(nameof(LiveTensorCount))]
public sealed class RDropLossTests
{
    [Theory]
    [InlineData("rdrop_0.0", 0.0)]
    [InlineData("rdrop_0.5", 0.5)]
    [InlineData("rdrop_4.0", 4.0)]
    public void RDropLoss_LossAndGradients_MatchPyTorch(string name, double alpha)
    {
        var golden = ConsistencyGolden.Case(name);
        using var z1 = ConsistencyGolden.Tensor(ConsistencyGolden.Root.GetProperty("logits1"), requiresGrad: true);
        using var z2 = ConsistencyGolden.Tensor(ConsistencyGolden.Root.GetProperty("logits2"), requiresGrad: true);
        using var labels = ConsistencyGolden.Labels();

        using var loss = new RDropLoss(alpha).call(z1, z2, labels);
        loss.backward();

        // float32 against float64 for values of order 1: 1e-5 relative.
        Assert.Equal(golden.GetProperty("loss").GetDouble(), Scalar(loss), new DoubleTolerance(1e-5));
        Assert.Equal(ConsistencyGolden.Values(golden.GetProperty("grad1")), Values(z1.grad!).Select(v => (double)v), new DoubleTolerance(1e-5));
        Assert.Equal(ConsistencyGolden.Values(golden.GetProperty("grad2")), Values(z2.grad!).Select(v => (double)v), new DoubleTolerance(1e-5));
    }

    [Fact]
    public void RDropLoss_IdenticalPasses_IsCrossEntropy()
    {
        manual_seed(1);
        using var z = randn(8, 4);
        using var y = randint(0, 4, new long[] { 8 });
        using var expected = nn.functional.cross_entropy(z, y);

        using var actual = new RDropLoss(10).call(z, z, y);

        Assert.Equal(Scalar(expected), Scalar(actual), 6);
    }

    [Fact]
    public void Compute_ModelWithDropout_EqualsTheLossOfTheStackedBatchsTwoHalves()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(4, 16)), ("drop", new InvertedDropout(0.5)), ("fc2", nn.Linear(16, 3)));
        manual_seed(2);
        using var x = randn(10, 4);
        using var y = randint(0, 3, new long[] { 10 });
        var loss = new RDropLoss(1.5);

        manual_seed(3);
        var (value, output) = loss.Compute(model, x, y);
        manual_seed(3);
        using var both = model.call(cat([x, x]));
        using var expected = loss.call(both.narrow(0, 0, 10), both.narrow(0, 10, 10), y);
        using var ce = nn.functional.cross_entropy(both.narrow(0, 0, 10), y) + nn.functional.cross_entropy(both.narrow(0, 10, 10), y);

        Assert.Equal(Scalar(expected), Scalar(value), 6);
        Assert.Equal(Values(both.narrow(0, 0, 10)), Values(output));
        // The two halves saw different masks, so the symmetric KL adds to the mean cross-entropy.
        Assert.True(Scalar(value) > (Scalar(ce) / 2) + 0.01, $"loss {Scalar(value)}, mean cross-entropy {Scalar(ce) / 2}");
        value.Dispose();
        output.Dispose();
    }

    [Fact]
    public void Compute_EvalMode_IsCrossEntropyOfOnePass()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(4, 16)), ("drop", new InvertedDropout(0.5)), ("fc2", nn.Linear(16, 3)));
        model.eval();
        using var x = randn(10, 4);
        using var y = randint(0, 3, new long[] { 10 });
        using var expected = nn.functional.cross_entropy(model.call(x), y);

        var (value, output) = new RDropLoss(3).Compute(model, x, y);

        Assert.Equal(Scalar(expected), Scalar(value), 6);
        value.Dispose();
        output.Dispose();
    }

    [Fact]
    public void Trainer_ModelLossOnModelWithoutDropout_TrainsExactlyAsCrossEntropy()
    {
        using var x = randn(40, 4);
        using var y = randint(0, 2, new long[] { 40 });
        (double[] Losses, float[] Weights) Run(IModelLoss? modelLoss)
        {
            using var model = Mlp(5);
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            var options = new TrainerOptions { Epochs = 2, BatchSize = 8, Seed = 4, ModelLoss = modelLoss };
            var history = new Trainer(model, optimizer, options).Fit(x, y);
            return (history.Series(Metric.Loss).ToArray(), model.parameters().SelectMany(Values).ToArray());
        }

        var plain = Run(null);
        var rdrop = Run(new RDropLoss(2));

        // Without dropout both passes are identical, so L = CE and only float rounding of the doubled batch differs.
        Assert.Equal(plain.Losses, rdrop.Losses, new DoubleTolerance(1e-6));
        Assert.Equal(plain.Weights, rdrop.Weights, new FloatTolerance(1e-5f));
    }

    [Fact]
    public void Trainer_ModelLoss_IsCalledOncePerBatchAndItsOutputScoresAccuracy()
    {
        using var model = Mlp(6);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var x = randn(20, 4);
        using var y = zeros(20, ScalarType.Int64);
        var counting = new ConstantOutputLoss();

        var history = new Trainer(model, optimizer, new TrainerOptions { Epochs = 3, BatchSize = 8, ModelLoss = counting }).Fit(x, y);

        Assert.Equal(9, counting.Calls);
        // The stub's output always predicts class 0, which every target is.
        Assert.Equal([1.0, 1.0, 1.0], history.Series(Metric.Accuracy));
    }

    [Fact]
    public void Compute_Repeated_LeavesOnlyItsResults()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(4, 8)), ("drop", new InvertedDropout(0.5)), ("fc2", nn.Linear(8, 3)));
        using var x = randn(6, 4);
        using var y = randint(0, 3, new long[] { 6 });
        var loss = new RDropLoss(1);
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 3; i++)
        {
            var (value, output) = loss.Compute(model, x, y);
            value.backward();
            value.Dispose();
            output.Dispose();
        }
        foreach (var parameter in model.parameters())
        {
            parameter.grad?.Dispose();
            parameter.grad = null;
        }

        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void RDropLoss_NegativeAlpha_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RDropLoss(-1));

        Assert.StartsWith("alpha must be a finite number greater than or equal to 0. Received: alpha=-1. (Parameter 'alpha')", e.Message, StringComparison.Ordinal);
    }

    private sealed class ConstantOutputLoss : IModelLoss
    {
        public int Calls { get; private set; }

        public (Tensor Loss, Tensor Output) Compute(nn.Module<Tensor, Tensor> model, Tensor input, Tensor target)
        {
            Calls++;
            var output = model.call(input);
            var constant = zeros_like(output);
            constant.index_fill_(1, tensor(new long[] { 0 }), 1f);
            return (nn.functional.cross_entropy(output, target), constant);
        }
    }
}
