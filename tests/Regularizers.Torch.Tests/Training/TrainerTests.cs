using Regularizers.Cli.Data;
using Regularizers.Core.Stopping;
using Regularizers.Torch.Training;
using TorchSharp.Modules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Training;

public sealed class TrainerTests
{
    private static (Tensor X, Tensor Y) Tensors(LabeledImages images) =>
        (tensor(images.Pixels, new long[] { images.Count, images.FeatureCount }), tensor(images.Labels.Select(l => (long)l).ToArray()));

    [Fact]
    public void Fit_SameSeed_GivesIdenticalHistories()
    {
        using var x = randn(64, 4);
        using var y = randint(0, 2, new long[] { 64 });
        double[] Run()
        {
            using var model = Mlp(3);
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            var trainer = new Trainer(model, optimizer, new TrainerOptions { Epochs = 3, BatchSize = 16, Seed = 9 });
            return trainer.Fit(x, y).Series(Metric.Loss).ToArray();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void EarlyStopping_StopsAfterPlateau_RestoresBestEpochWeightsAndOptimizerStateBitwise()
    {
        using var model = Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.5, momentum: 0.9);
        using var x = randn(32, 4);
        using var y = randint(0, 2, new long[] { 32 });
        using var stopper = new EarlyStopping(new Patience(2), monitor: Metric.Loss);
        var snapshots = new Dictionary<int, float[]>();
        var optimizerStates = new Dictionary<int, byte[]>();
        var recorder = new SnapshotRecorder(snapshots, optimizerStates);
        var trainer = new Trainer(model, optimizer, new TrainerOptions { Epochs = 30, BatchSize = 32, Seed = 1, Callbacks = [recorder, stopper] });

        var history = trainer.Fit(x, y);

        Assert.Equal(stopper.BestEpoch, history.RestoredEpoch);
        Assert.Equal(snapshots[stopper.BestEpoch], Values(((Linear)model[0]).weight));
        Assert.Equal(optimizerStates[stopper.BestEpoch], SnapshotRecorder.OptimizerBytes(optimizer));
        Assert.NotEqual(optimizerStates[history.Epochs.Count], optimizerStates[stopper.BestEpoch]);
        var losses = history.Series(Metric.Loss);
        Assert.Equal(losses.Min(), losses[stopper.BestEpoch - 1]);
    }

    [Fact]
    public void EarlyStopping_OnOverfittingFashionMnistSubset_StopsEarlyAndRestoredIsNoWorseThanLast()
    {
        var train = FashionMnist.LoadTrain().Take(1_000);
        var validation = FashionMnist.LoadTrain().Select(Enumerable.Range(50_000, 2_000).ToArray());
        var (x, y) = Tensors(train);
        var (xv, yv) = Tensors(validation);
        manual_seed(0);
        using var model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 10));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.002);
        using var stopper = new EarlyStopping(new Patience(3));
        var lastEpochAccuracy = new LastEpochAccuracy();
        var trainer = new Trainer(model, optimizer, new TrainerOptions { Epochs = 40, BatchSize = 50, Seed = 2, Callbacks = [lastEpochAccuracy, stopper] });

        var history = trainer.Fit(x, y, xv, yv);

        Assert.True(history.Epochs.Count < 40, $"ran all {history.Epochs.Count} epochs");
        Assert.StartsWith("early stopping at epoch", history.StopReason, StringComparison.Ordinal);
        var restored = trainer.Evaluate(xv, yv);
        Assert.Equal(history.Epochs[stopper.BestEpoch - 1].ValidationLoss!.Value, restored.Loss, 5);
        Assert.True(restored.Accuracy >= lastEpochAccuracy.Value - 0.005, $"restored {restored.Accuracy} vs last {lastEpochAccuracy.Value}");
    }

    [Fact]
    public void Constructor_OptimizerBuiltForAnotherModel_ThrowsNamingTheFix()
    {
        using var model = Mlp(1);
        using var other = Mlp(2);
        using var optimizer = optim.SGD(other.parameters(), 0.1);

        var e = Assert.Throws<ArgumentException>(() => new Trainer(model, optimizer));

        Assert.Equal(
            "optimizer must step this model's parameters, but 4 of its 4 parameters are not the model's (was it built for another model?). Build it from the model it trains, e.g. optim.Adam(model.parameters()). (Parameter 'optimizer')",
            e.Message);
    }

    [Fact]
    public void Constructor_OptimizerOverTheHeadOnly_IsAccepted()
    {
        using var model = Mlp(1);
        using var optimizer = optim.SGD(((Linear)model[2]).parameters(), 0.1);
        using var x = randn(8, 4);
        using var y = randint(0, 2, new long[] { 8 });
        var before = Values(((Linear)model[0]).weight);

        new Trainer(model, optimizer, new TrainerOptions { Epochs = 1, BatchSize = 4 }).Fit(x, y);

        Assert.Equal(before, Values(((Linear)model[0]).weight));
    }

    [Fact]
    public void Constructor_FrozenModel_ThrowsSayingSo()
    {
        using var model = Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        foreach (var p in model.parameters())
        {
            p.requires_grad = false;
        }

        var e = Assert.Throws<ArgumentException>(() => new Trainer(model, optimizer));

        Assert.StartsWith("optimizer must step this model's parameters, but the model has no parameter that requires a gradient (all are frozen).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainerOptions_ZeroEpochs_ThrowsExactMessage()
    {
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, optimizer, new TrainerOptions { Epochs = 0 }));

        Assert.StartsWith("Epochs must be an integer greater than or equal to 1. Received: Epochs=0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WeightTwoOnAnExample_EqualsTheExampleTwiceInFullBatches()
    {
        manual_seed(4);
        using var x = randn(20, 4);
        using var y = randint(0, 2, new long[] { 20 });
        using var weights = ones(20);
        weights[3] = tensor(2f);
        using var twiceX = cat([x, x[3].unsqueeze(0)]);
        using var twiceY = cat([y, y[3].unsqueeze(0)]);
        (float[] Weights, double[] Losses, double[] Accuracies) Run(Tensor features, Tensor labels, Tensor? exampleWeights)
        {
            manual_seed(1);
            using var model = Mlp(3);
            using var optimizer = optim.SGD(model.parameters(), 0.5);
            var options = new TrainerOptions
            {
                Epochs = 4, BatchSize = 64, Seed = 2,
                ExampleLoss = (o, t) => nn.functional.cross_entropy(o, t, reduction: nn.Reduction.None),
            };
            var history = new Trainer(model, optimizer, options).Fit(features, labels, exampleWeights, null, null, null);
            return (Values(((Linear)((Sequential)model)[0]).weight), history.Series(Metric.Loss).ToArray(), history.Series(Metric.Accuracy).ToArray());
        }

        var weighted = Run(x, y, weights);
        var twice = Run(twiceX, twiceY, null);

        Assert.Equal(twice.Weights, weighted.Weights, (a, b) => Math.Abs(a - b) <= 1e-6f);
        Assert.Equal(twice.Losses, weighted.Losses, (a, b) => Math.Abs(a - b) <= 1e-6);
        Assert.Equal(twice.Accuracies, weighted.Accuracies, (a, b) => Math.Abs(a - b) <= 1e-12);
        Assert.NotEqual(Run(x, y, null).Weights, weighted.Weights);
    }

    [Fact]
    public void Evaluate_Weights_GivesWeightedMeanLossAndAccuracy()
    {
        using var model = nn.Linear(2, 2, hasBias: false);
        using (no_grad())
        {
            model.weight!.copy_(eye(2));
        }
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Trainer(model, optimizer, new TrainerOptions { ExampleLoss = (o, t) => nn.functional.cross_entropy(o, t, reduction: nn.Reduction.None) });
        using var x = tensor(new float[] { 2, 0, 0, 1, 3, 0 }, new long[] { 3, 2 });
        // The third example is classified wrongly and weighs 2: accuracy (1 + 1 + 0) / 4.
        using var y = tensor(new long[] { 0, 1, 1 });
        using var weights = tensor(new float[] { 1, 1, 2 });
        using var losses = nn.functional.cross_entropy(x, y, reduction: nn.Reduction.None);
        var l = Values(losses);

        var (loss, accuracy) = trainer.Evaluate(x, y, weights);

        Assert.Equal((l[0] + l[1] + (2 * l[2])) / 4, loss, 1e-6);
        Assert.Equal(0.5, accuracy);
        Assert.Equal(2 / 3.0, trainer.Evaluate(x, y).Accuracy, 1e-12);
    }

    [Fact]
    public void Fit_WeightsWithoutExampleLoss_ThrowsNamingIt()
    {
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var x = randn(8, 4);
        using var y = randint(0, 2, new long[] { 8 });
        using var weights = ones(8);

        var e = Assert.Throws<ArgumentException>(() => new Trainer(model, optimizer).Fit(x, y, weights, null, null, null));

        Assert.StartsWith("weights: example weights need TrainerOptions.ExampleLoss, the loss of each example (reduction none).", e.Message, StringComparison.Ordinal);
    }

    private sealed class SnapshotRecorder(Dictionary<int, float[]> snapshots, Dictionary<int, byte[]> optimizerStates) : TrainingCallback
    {
        public static byte[] OptimizerBytes(optim.Optimizer optimizer)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                ((OptimizerHelper)optimizer).save_state_dict(writer);
            }
            return stream.ToArray();
        }

        public override void OnEpochEnd(TrainingContext context)
        {
            snapshots[context.Epoch] = Values(((Linear)((Sequential)context.Model)[0]).weight);
            optimizerStates[context.Epoch] = OptimizerBytes(context.Optimizer);
        }
    }

    private sealed class LastEpochAccuracy : TrainingCallback
    {
        public double Value { get; private set; }

        public override void OnEpochEnd(TrainingContext context) => Value = context.History.Epochs[^1].ValidationAccuracy!.Value;
    }
}

public sealed class DatasetTrainingTests
{
    private sealed class XorDataset(Tensor x, Tensor y) : utils.data.Dataset
    {
        public override long Count => x.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = x[index], ["label"] = y[index] };
    }

    [Fact]
    public void Fit_TorchSharpDataset_MatchesFitOnTheSameTensors()
    {
        manual_seed(31);
        using var x = randn(30, 4);
        using var y = randint(0, 2, new long[] { 30 });
        double[] Run(Func<Trainer, TrainingHistory> fit)
        {
            using var model = Mlp(8);
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            return fit(new Trainer(model, optimizer, new TrainerOptions { Epochs = 2, BatchSize = 8, Seed = 5 })).Series(Metric.Loss).ToArray();
        }

        Assert.Equal(Run(t => t.Fit(x, y)), Run(t => t.Fit(new XorDataset(x, y))));
    }
}
