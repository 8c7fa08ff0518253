using Regularizers.Torch.Training;
using static Regularizers.Reference.Tests.Tolerances;
using TorchEma = Regularizers.Torch.Training.ExponentialMovingAverage;
using TorchSwa = Regularizers.Torch.Training.StochasticWeightAveraging;

namespace Regularizers.Reference.Tests.Training;

/// <summary>The torch averaging callbacks against their reference twins on the trajectory the torch model actually took.</summary>
public sealed class WeightAveragingTests
{
    private static (Tensor X, Tensor Y) Data()
    {
        manual_seed(5);
        return (randn(40, 4), randint(0, 3, new long[] { 40 }));
    }

    private static double[][] Weights(nn.Module model) => model.parameters().Select(p => Doubles(p)).ToArray();

    [Fact]
    public void ExponentialMovingAverage_WarmupEveryThirdStep_MatchesReferenceTwin()
    {
        var (torchModel, _) = TorchTwins.Twins(3);
        using var model = torchModel;
        var (x, y) = Data();
        using var optimizer = optim.SGD(model.parameters(), 0.2, momentum: 0.9);
        using var ema = new TorchEma(decay: 0.9, every: 3, warmup: true, warmupGamma: 2, warmupPower: 0.75);
        var recorder = new Recorder();
        var reference = new Regularizers.Reference.Training.ExponentialMovingAverage(0.9, every: 3, warmup: true, warmupGamma: 2, warmupPower: 0.75);

        new Trainer(model, optimizer, new TrainerOptions { Epochs = 3, BatchSize = 10, Seed = 2, Callbacks = [recorder, ema] }).Fit(x, y);
        reference.Start(recorder.Initial!);
        foreach (var step in recorder.AfterSteps)
        {
            reference.AfterStep(step);
        }

        Assert.Equal(12, recorder.AfterSteps.Count);
        Assert.Equal(4, reference.Updates);
        Assert.Equal(reference.Updates, ema.Updates);
        Close(reference.Average.SelectMany(a => a).ToArray(), Weights(model).SelectMany(a => a).ToArray(), TorchRelative, TorchAbsolute);
        Assert.Equal(reference.DecayAt(2), ema.DecayAt(2), 15);
    }

    [Fact]
    public void StochasticWeightAveraging_LinearAnnealFromEpochTwo_MatchesReferenceTwin()
    {
        var (torchModel, _) = TorchTwins.Twins(4);
        using var model = torchModel;
        var (x, y) = Data();
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var swa = new TorchSwa(startEpoch: 2, learningRate: 0.05, annealEpochs: 2, annealing: SwaAnnealing.Linear);
        var recorder = new Recorder();
        var reference = new Regularizers.Reference.Training.StochasticWeightAveraging(2, 0.05, annealEpochs: 2, cosine: false);

        new Trainer(model, optimizer, new TrainerOptions { Epochs = 5, BatchSize = 10, Seed = 2, Callbacks = [swa, recorder] }).Fit(x, y);
        for (var epoch = 1; epoch <= 5; epoch++)
        {
            reference.EndEpoch(epoch, recorder.EpochEnds[epoch - 1]);
        }

        Assert.Equal([0.2, 0.2, 0.125, 0.05, 0.05], recorder.Rates.Select(r => Math.Round(r, 12)));
        Assert.Equal(Enumerable.Range(1, 5).Select(e => reference.LearningRateAt(e, 0.2)), recorder.Rates);
        Assert.Equal(4, swa.Updates);
        Close(reference.Average!.SelectMany(a => a).ToArray(), Weights(model).SelectMany(a => a).ToArray(), TorchRelative, TorchAbsolute);
    }

    /// <summary>The weights at the start, after every step and at every epoch's end, and each epoch's learning rate.</summary>
    private sealed class Recorder : TrainingCallback
    {
        public double[][]? Initial { get; private set; }

        public List<double[][]> AfterSteps { get; } = [];

        public List<double[][]> EpochEnds { get; } = [];

        public List<double> Rates { get; } = [];

        public override void OnTrainBegin(TrainingContext context) => Initial = Weights(context.Model);

        public override void OnEpochBegin(TrainingContext context) => Rates.Add(context.Optimizer.ParamGroups.First().LearningRate);

        public override void OnAfterStep(TrainingContext context) => AfterSteps.Add(Weights(context.Model));

        public override void OnEpochEnd(TrainingContext context) => EpochEnds.Add(Weights(context.Model));
    }
}
