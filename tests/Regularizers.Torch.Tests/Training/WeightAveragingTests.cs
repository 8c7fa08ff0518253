using System.Text.Json;
using Regularizers.Torch.Tests.Stack;
using Regularizers.Torch.Training;
using TorchSharp.Modules;

namespace Regularizers.Torch.Tests.Training;

/// <summary>
/// <see cref="ExponentialMovingAverage"/>, <see cref="StochasticWeightAveraging"/> and <see cref="BatchNormStatistics"/>
/// against PyTorch 1.13's AveragedModel, SWALR and update_bn on the same full-batch trajectory (Stack/golden/make_averaging_golden.py).
/// </summary>
public sealed class WeightAveragingTests
{
    private static readonly Golden Data = Golden.Load("averaging_golden.json");

    private static float[] Floats(JsonElement e) => e.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();

    private static Tensor Inputs(string name)
    {
        var values = Floats(Data.Root.GetProperty(name));
        return tensor(values, new long[] { values.Length / 4, 4 });
    }

    private static Tensor Labels(string name) => tensor(Data.Root.GetProperty(name).EnumerateArray().Select(v => v.GetInt64()).ToArray());

    /// <summary>fc1 → bn → ReLU → fc2 holding the golden initial state.</summary>
    private static Sequential Model()
    {
        var model = nn.Sequential(("fc1", nn.Linear(4, 3)), ("bn", nn.BatchNorm1d(3)), ("act", nn.ReLU()), ("fc2", nn.Linear(3, 2)));
        var init = Data.Root.GetProperty("init");
        using (no_grad())
        {
            foreach (var (name, t) in model.state_dict().Where(kv => kv.Key != "bn.num_batches_tracked"))
            {
                using var values = tensor(Floats(init.GetProperty(name)));
                t.copy_(values.reshape(t.shape));
            }
        }
        return model;
    }

    private static TrainingHistory Run(Sequential model, params TrainingCallback[] callbacks)
    {
        using var x = Inputs("x");
        using var y = Labels("y");
        using var xv = Inputs("xv");
        using var yv = Labels("yv");
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var options = new TrainerOptions { Epochs = 6, BatchSize = 40, Seed = 1, Callbacks = callbacks };
        return new Trainer(model, optimizer, options).Fit(x, y, xv, yv);
    }

    private static void AssertState(JsonElement expected, Sequential model)
    {
        foreach (var (name, t) in model.state_dict().Where(kv => kv.Key != "bn.num_batches_tracked"))
        {
            var want = Floats(expected.GetProperty(name));
            Assert.Equal(want, TestModels.Values(t), new FloatTolerance(2e-5f));
        }
    }

    private static void AssertLosses(JsonElement expected, TrainingHistory history) =>
        Assert.Equal(
            expected.GetProperty("validation_loss").EnumerateArray().Select(v => v.GetDouble()),
            history.Epochs.Select(e => e.ValidationLoss!.Value),
            new DoubleTolerance(2e-5));

    [Fact]
    public void ExponentialMovingAverage_EverySecondStep_MatchesAveragedModelValidationAndFinalState()
    {
        using var model = Model();
        using var ema = new ExponentialMovingAverage(decay: 0.8, every: 2);

        var history = Run(model, ema);

        AssertLosses(Data.Root.GetProperty("ema"), history);
        AssertState(Data.Root.GetProperty("ema").GetProperty("final"), model);
        Assert.Equal(3, ema.Updates);
    }

    [Fact]
    public void ExponentialMovingAverage_Warmup_MatchesAveragedModelWithTimmDecaySchedule()
    {
        using var model = Model();
        using var ema = new ExponentialMovingAverage(decay: 0.99, warmup: true);

        var history = Run(model, ema);

        AssertLosses(Data.Root.GetProperty("ema_warmup"), history);
        AssertState(Data.Root.GetProperty("ema_warmup").GetProperty("final"), model);
    }

    [Fact]
    public void StochasticWeightAveraging_FromEpochThree_MatchesAveragedModelAndSwalr()
    {
        using var model = Model();
        using var swa = new StochasticWeightAveraging(startEpoch: 3, learningRate: 0.02, annealEpochs: 2);
        var rates = new LearningRates();

        var history = Run(model, swa, rates);

        AssertLosses(Data.Root.GetProperty("swa"), history);
        AssertState(Data.Root.GetProperty("swa").GetProperty("final"), model);
        Assert.Equal(
            Data.Root.GetProperty("swa").GetProperty("learning_rate").EnumerateArray().Select(v => v.GetDouble()),
            rates.Rates,
            new DoubleTolerance(1e-12));
        Assert.Equal(4, swa.Updates);
    }

    [Fact]
    public void BatchNormStatistics_ThreeBatches_EqualAverageAsUpdateBn()
    {
        using var model = Model();
        using var x = Inputs("x");
        model.eval();

        var updated = BatchNormStatistics.Update(model, x, batchSize: 16);

        Assert.True(updated);
        AssertState(Data.Root.GetProperty("update_bn"), model);
        Assert.False(model.training);
        Assert.Equal(0.1, ((BatchNorm1d)model[1]).momentum);
    }

    [Fact]
    public void ExponentialMovingAverage_WithoutRecomputedStatistics_ValidatesWithStaleStatisticsAndMissesGolden()
    {
        using var model = Model();
        using var ema = new ExponentialMovingAverage(decay: 0.8, every: 2, recomputeBatchNorm: false);

        var history = Run(model, ema);

        var golden = Data.Root.GetProperty("ema").GetProperty("validation_loss").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(history.Epochs.Select((e, i) => Math.Abs(e.ValidationLoss!.Value - golden[i])).Max() > 1e-3);
    }

    [Fact]
    public void ExponentialMovingAverage_Validation_SwapsAverageInAndRestoresWeightsAndBuffersBitwise()
    {
        using var model = Model();
        using var ema = new ExponentialMovingAverage(decay: 0.8, every: 2);
        var probe = new StateProbe();

        Run(model, probe, ema, probe);

        Assert.Equal(6, probe.Restored.Count);
        for (var epoch = 0; epoch < 6; epoch++)
        {
            Assert.Equal(probe.Trained[epoch], probe.Restored[epoch]);
            Assert.NotEqual(probe.Trained[epoch], probe.Validated[epoch]);
        }
    }

    [Fact]
    public void ExponentialMovingAverage_DecayOne_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage(decay: 1));

        Assert.StartsWith("decay must be a finite number in the range [0, 1). Received: decay=1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StochasticWeightAveraging_InvalidArguments_ThrowExactMessages()
    {
        var start = Assert.Throws<ArgumentOutOfRangeException>(() => new StochasticWeightAveraging(0));
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new StochasticWeightAveraging(1, learningRate: -1));

        Assert.StartsWith("startEpoch must be an integer greater than or equal to 1. Received: startEpoch=0.", start.Message, StringComparison.Ordinal);
        Assert.StartsWith("learningRate must be a finite number greater than 0. Received: learningRate=-1.", rate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExponentialMovingAverage_WarmupDecays_FollowTimmSchedule()
    {
        var ema = new ExponentialMovingAverage(decay: 0.9, warmup: true, warmupGamma: 1, warmupPower: 0.75);

        // d_n = min(0.9, 1 − n^(−0.75)) for γ = 1: 0, 1 − 2^(−3/4), 1 − 3^(−3/4), …, capped at 0.9 from n = 22.
        Assert.Equal([0, 1 - Math.Pow(2, -0.75), 1 - Math.Pow(3, -0.75), 0.9], [ema.DecayAt(1), ema.DecayAt(2), ema.DecayAt(3), ema.DecayAt(22)]);
        Assert.True(ema.DecayAt(21) < 0.9);
    }

    /// <summary>
    /// Placed before and after the averaging callback: the whole state (parameters and buffers) after training an epoch,
    /// while validating (after the swap in) and after validating (after the swap out).
    /// </summary>
    private sealed class StateProbe : TrainingCallback
    {
        private bool _second;

        public List<float[]> Trained { get; } = [];

        public List<float[]> Validated { get; } = [];

        public List<float[]> Restored { get; } = [];

        private static float[] State(TrainingContext c) => c.Model.state_dict().Where(kv => kv.Key != "bn.num_batches_tracked").SelectMany(kv => TestModels.Values(kv.Value)).ToArray();

        public override void OnValidationBegin(TrainingContext context)
        {
            (_second ? Validated : Trained).Add(State(context));
            _second = !_second;
        }

        public override void OnValidationEnd(TrainingContext context)
        {
            if (_second)
            {
                Restored.Add(State(context));
            }
            _second = !_second;
        }
    }

    /// <summary>Records the first group's learning rate as each epoch begins (after the callbacks before it set it).</summary>
    private sealed class LearningRates : TrainingCallback
    {
        public List<double> Rates { get; } = [];

        public override void OnEpochBegin(TrainingContext context) => Rates.Add(context.Optimizer.ParamGroups.First().LearningRate);
    }
}
