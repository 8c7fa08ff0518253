using Regularizers.Core.Stopping;
using Regularizers.Torch.Training;
using TorchSharp.Modules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Training;

public sealed class CallbackTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("callbacks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (Tensor X, Tensor Y) Data()
    {
        manual_seed(21);
        return (randn(40, 4), randint(0, 2, new long[] { 40 }));
    }

    [Fact]
    public void CsvLogger_ThreeEpochs_WritesHeaderAndOneRowPerEpoch()
    {
        var (x, y) = Data();
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var path = Path.Combine(_directory, "log.csv");
        var history = new Trainer(model, optimizer, new TrainerOptions { Epochs = 3, BatchSize = 10, Seed = 1, Callbacks = [new CsvLogger(path)] }).Fit(x, y);

        var lines = File.ReadAllLines(path);

        Assert.Equal("epoch,loss,accuracy,val_loss,val_accuracy", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(history.Epochs[2].TrainLoss, double.Parse(lines[3].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(string.Empty, lines[3].Split(',')[3]);
    }

    [Fact]
    public void ModelCheckpoint_SaveFailsMidWrite_PreviousCheckpointIntactAndNoTemporaryFile()
    {
        var (x, y) = Data();
        using var model = new SaveFailsOnRequest(Mlp());
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var path = Path.Combine(_directory, "best.bin");
        var options = new TrainerOptions { Epochs = 1, BatchSize = 40, Callbacks = [new ModelCheckpoint(path, monitor: Metric.Loss, saveBestOnly: false)] };
        new Trainer(model, optimizer, options).Fit(x, y);
        var saved = File.ReadAllBytes(path);
        var savedWeights = TestModels.Values(model.parameters().First());

        model.FailNextSave = true;
        var e = Assert.Throws<InvalidOperationException>(() => new Trainer(model, optimizer, options).Fit(x, y));

        Assert.StartsWith("Tensor invalid", e.Message, StringComparison.Ordinal);
        Assert.Equal(saved, File.ReadAllBytes(path));
        Assert.Equal(["best.bin"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        using var fresh = new SaveFailsOnRequest(Mlp(99));
        fresh.load(path);
        Assert.Equal(savedWeights, TestModels.Values(fresh.parameters().First()));
    }

    /// <summary>A model whose save writes every real tensor, then fails on a last state entry when asked to.</summary>
    private sealed class SaveFailsOnRequest : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> inner;

        public SaveFailsOnRequest(nn.Module<Tensor, Tensor> inner) : base(nameof(SaveFailsOnRequest))
        {
            this.inner = inner;
            RegisterComponents();
        }

        public bool FailNextSave { get; set; }

        public override Tensor forward(Tensor input) => inner.call(input);

        public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
        {
            var state = base.state_dict(destination, prefix);
            if (FailNextSave && prefix is null)
            {
                // Saving reaches this entry after the real tensors are written, and a disposed tensor cannot be read.
                var disposed = zeros(1);
                disposed.Dispose();
                state["zz_failing"] = disposed;
            }
            return state;
        }
    }

    [Fact]
    public void ReduceLROnPlateau_FlatLoss_ReducesAfterPatienceEpochsThenCoolsDown()
    {
        var (x, y) = Data();
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 1e-9);
        var rates = new LearningRates();
        var reduce = new ReduceLROnPlateau(monitor: Metric.Loss, factor: 0.5, patience: 2, minDelta: 1e-3, cooldown: 1);

        new Trainer(model, optimizer, new TrainerOptions { Epochs = 8, BatchSize = 40, Callbacks = [reduce, rates] }).Fit(x, y);

        // epoch 1 sets the best; epochs 2-3 do not improve → halve at 3; cooldown at 4; epochs 5-6 → halve at 6; 7 cools down.
        Assert.Equal(new[] { 1e-9, 1e-9, 5e-10, 5e-10, 5e-10, 2.5e-10, 2.5e-10, 2.5e-10 }, rates.Values, new DoubleTolerance(1e-9));
    }

    private sealed class LearningRates : TrainingCallback
    {
        public List<double> Values { get; } = new();

        public override void OnEpochEnd(TrainingContext context) => Values.Add(context.Optimizer.ParamGroups.First().LearningRate);
    }
}

public sealed class CallbackOptionTests
{
    [Fact]
    public void EarlyStopping_UndefinedMonitor_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(monitor: (Metric)7));

        Assert.StartsWith("monitor must be Loss, Accuracy, ValidationLoss or ValidationAccuracy. Received: monitor=7.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Metric.ValidationAccuracy, MetricMode.Max)]
    [InlineData(Metric.Accuracy, MetricMode.Max)]
    [InlineData(Metric.ValidationLoss, MetricMode.Min)]
    [InlineData(Metric.Loss, MetricMode.Min)]
    public void EarlyStopping_NoCriterion_DefaultPatienceTakesTheMetricsDirection(Metric monitor, MetricMode direction)
    {
        using var stopper = new EarlyStopping(monitor: monitor);

        var patience = Assert.IsType<Patience>(stopper.Criterion);

        Assert.Equal((5, direction), (patience.ToleratedEpochs, patience.Mode));
    }

    [Fact]
    public void EarlyStopping_PatienceMinimisingAnAccuracy_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => new EarlyStopping(new Patience(3), Metric.ValidationAccuracy));

        Assert.Equal("criterion is Patience with mode Min, but monitor ValidationAccuracy is maximised: use Patience(mode: MetricMode.Max) or leave the mode at its default. (Parameter 'criterion')", e.Message);
    }

    [Fact]
    public void EarlyStopping_GeneralizationLossInsideAnyOnAnAccuracy_ThrowsExactMessage()
    {
        var criterion = StoppingCriteria.Any(new MaxEpochs(50), new GeneralizationLoss(5));

        var e = Assert.Throws<ArgumentException>(() => new EarlyStopping(criterion, Metric.Accuracy));

        Assert.Equal("criterion GeneralizationLoss is defined on errors (lower is better), but monitor Accuracy is maximised: monitor Metric.ValidationLoss, or use Patience(mode: MetricMode.Max). (Parameter 'criterion')", e.Message);
    }

    [Fact]
    public void ReduceLROnPlateau_FactorOne_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(factor: 1.0));

        Assert.StartsWith("factor must be a finite number in the range (0, 1). Received: factor=1. (Parameter 'factor')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReduceLROnPlateau_NegativePatience_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(patience: -1));

        Assert.StartsWith("patience must be an integer greater than or equal to 0. Received: patience=-1. (Parameter 'patience')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelCheckpoint_EmptyPath_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => new ModelCheckpoint(" "));

        Assert.Equal("path", e.ParamName);
    }

    [Fact]
    public void TrainerOptions_ZeroBatchSize_ThrowsExactMessage()
    {
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, optimizer, new TrainerOptions { BatchSize = 0 }));

        Assert.StartsWith("BatchSize must be an integer greater than or equal to 1. Received: BatchSize=0. (Parameter 'BatchSize')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_MismatchedLengths_ThrowsExactMessage()
    {
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var x = randn(10, 4);
        using var y = randint(0, 2, new long[] { 9 });

        var e = Assert.Throws<ArgumentException>(() => new Trainer(model, optimizer).Fit(x, y));

        Assert.Equal("x has 10 examples but y has 9. (Parameter 'y')", e.Message);
    }

    [Fact]
    public void SameNumberOfSteps_ZeroBestEpochs_ThrowsExactMessage()
    {
        using var x = randn(4, 4);
        using var y = randint(0, 2, new long[] { 4 });

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            RetrainOnAllData.SameNumberOfSteps(() => Mlp(), m => optim.SGD(m.parameters(), 0.1), new TrainerOptions(), 0, x, y));

        Assert.StartsWith("bestEpochs must be an integer greater than or equal to 1. Received: bestEpochs=0. (Parameter 'bestEpochs')", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>EarlyStopping restores the epoch its criterion calls best, whichever direction the criterion monitors.</summary>
public sealed class EarlyStoppingBestEpochTests
{
    [Fact]
    public void EarlyStopping_PatienceOnAccuracyWithDefaultCallback_RestoresTheMostAccurateEpoch()
    {
        // Validation accuracy 0.5, 0.8, 0.6, 0.55: the best epoch is 2, the worst 1.
        var restored = RunScripted(new EarlyStopping(new Patience(1, mode: MetricMode.Max), monitor: Metric.ValidationAccuracy), [0.5, 0.8, 0.6, 0.55]);

        Assert.Equal((2, 2f), restored);
    }

    [Fact]
    public void EarlyStopping_PatienceWithMinDelta_RestoresTheEpochThePatienceCountsFrom()
    {
        // Validation loss 0.5, 0.4, 0.39, 0.45: with min_delta 0.05 epoch 3 is no improvement, so epoch 2 is best.
        var restored = RunScripted(new EarlyStopping(new Patience(2, minDelta: 0.05)), [0.5, 0.4, 0.39, 0.45]);

        Assert.Equal((2, 2f), restored);
    }

    [Fact]
    public void EarlyStopping_GeneralizationLoss_RestoresTheLowestValidationError()
    {
        var restored = RunScripted(new EarlyStopping(new GeneralizationLoss(5)), [0.5, 0.3, 0.35, 0.4]);

        Assert.Equal((2, 2f), restored);
    }

    /// <summary>
    /// Feeds the callback one scripted epoch at a time, with the model's weights set to the epoch number, and returns
    /// the restored epoch and the weight value the model holds afterwards.
    /// </summary>
    private static (int? Epoch, float Weight) RunScripted(EarlyStopping stopper, double[] monitored)
    {
        using var model = nn.Sequential(nn.Linear(2, 1));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var history = new TrainingHistory();
        var context = new TrainingContext(model, optimizer, history);
        stopper.OnTrainBegin(context);
        for (var epoch = 1; epoch <= monitored.Length && !context.StopTraining; epoch++)
        {
            using (no_grad())
            {
                foreach (var p in model.parameters())
                {
                    p.fill_(epoch);
                }
            }
            context.Epoch = epoch;
            var value = monitored[epoch - 1];
            history.Add(new EpochMetrics(epoch, 1.0, 0.5, value, value));
            stopper.OnEpochEnd(context);
        }
        stopper.OnTrainEnd(context);
        stopper.Dispose();
        return (history.RestoredEpoch, TestModels.Values(model.parameters().First())[0]);
    }
}

/// <summary>Callbacks that monitor an accuracy improve upwards, with no mode to set.</summary>
public sealed class MetricDirectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-direction-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ModelCheckpoint_OnAccuracy_SavesWhenItRises()
    {
        using var model = nn.Sequential(nn.Linear(2, 1));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var history = new TrainingHistory();
        var context = new TrainingContext(model, optimizer, history);
        var checkpoint = new ModelCheckpoint(Path.Combine(_directory, "best.bin"), Metric.Accuracy);
        var saved = new List<int>();

        foreach (var (epoch, accuracy) in new[] { (1, 0.5), (2, 0.7), (3, 0.6), (4, 0.8), (5, 0.8) })
        {
            context.Epoch = epoch;
            history.Add(new EpochMetrics(epoch, 1.0, accuracy, null, null));
            checkpoint.OnEpochEnd(context);
            saved.Add(checkpoint.SavedEpoch);
        }

        Assert.Equal([1, 2, 2, 4, 4], saved);
    }

    [Fact]
    public void ModelCheckpoint_EveryEpochWithoutValidationData_SavesEachEpochWithoutReadingTheMetric()
    {
        using var model = nn.Sequential(nn.Linear(2, 1));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var history = new TrainingHistory();
        var context = new TrainingContext(model, optimizer, history);
        var checkpoint = new ModelCheckpoint(Path.Combine(_directory, "last.bin"), Metric.ValidationLoss, saveBestOnly: false);
        var saved = new List<int>();

        foreach (var epoch in new[] { 1, 2, 3 })
        {
            context.Epoch = epoch;
            history.Add(new EpochMetrics(epoch, 1.0, 0.5, null, null));
            checkpoint.OnEpochEnd(context);
            saved.Add(checkpoint.SavedEpoch);
        }

        Assert.Equal([1, 2, 3], saved);
        Assert.True(File.Exists(Path.Combine(_directory, "last.bin")));
    }
}
