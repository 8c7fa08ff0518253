using Regularizers.Core.Schedules;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Penalties;
using Regularizers.Torch.Schedules;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Schedules;

public sealed class ScheduledStrengthsTests
{
    private static TorchSharp.Modules.Sequential Net(nn.Module<Tensor, Tensor> dropout, long seed = 0)
    {
        manual_seed(seed);
        return nn.Sequential(("fc1", nn.Linear(4, 8)), ("act", nn.ReLU()), ("dropout1", dropout), ("fc2", nn.Linear(8, 2)));
    }

    [Fact]
    public void Advance_ModelRegularizationAndLoss_SetsEveryScheduledStrength()
    {
        using var model = Net(new InvertedDropout(Schedule.Linear(0, 0.5, 4)));
        var reg = new Regularization { new L2Penalty(Schedule.Step(1e-2, 0.1, 2)), new MaxNorm(Schedule.Linear(4, 2, 2)), new L1Penalty(1e-3) };
        using var loss = new LabelSmoothingCrossEntropy(Schedule.WarmupConstant(0.2, 2));

        ScheduledStrengths.Advance(2, 40, model, reg, loss);

        Assert.Equal(0.25, ((InvertedDropout)model.named_children().Single(c => c.name == "dropout1").module).p, 15);
        Assert.Equal(1e-3, ((L2Penalty)reg.WeightPenalties[0]).Strength, 15);
        Assert.Equal(2, ((MaxNorm)reg.Constraints[0]).MaxValue, 15);
        Assert.Equal(0.2, loss.Epsilon, 15);
        Assert.Equal(
            new Dictionary<string, double> { ["dropout1.p"] = 0.25, ["l2.strength"] = 1e-3, ["max_norm.max_value"] = 2, ["LabelSmoothingCrossEntropy.epsilon"] = 0.2 },
            ScheduledStrengths.Values(model, reg, loss).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 15)));
    }

    [Fact]
    public void Advance_EveryAdoptedModule_FollowsItsSchedule()
    {
        var half = Schedule.Linear(0, 0.4, 2);
        using var model = nn.Sequential(
            ("a", new ClassicDropout(half)), ("b", new GaussianNoise(half)), ("c", new DropPath(half)), ("d", new SpatialDropout2d(half)), ("e", new DropBlock2d(half, 3)),
            ("f", new GaussianDropout(half)), ("g", new DropConnectLinear(2, 2, half)), ("h", new WeightNoise(nn.Linear(2, 2), half)), ("i", new InvertedDropout(half)));

        ScheduledStrengths.Advance(1, 0, model);

        Assert.Equal(["a.p", "b.stddev", "c.p", "d.p", "e.p", "f.p", "g.p", "h.stddev", "i.p"], ScheduledStrengths.Values(model).Keys.Order());
        Assert.All(ScheduledStrengths.Values(model).Values, v => Assert.Equal(0.2, v, 15));
    }

    [Fact]
    public void Advance_ValueOutOfRange_ThrowsExactMessage()
    {
        using var dropout = new InvertedDropout(Schedule.FromEpoch(e => 0.4 * e));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScheduledStrengths.Advance(3, 0, dropout));

        Assert.StartsWith("p must be a finite number in the range [0, 1). Received: p=1.2000000000000002. (Parameter 'p')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_NothingScheduled_IsEmpty()
    {
        using var model = Net(new InvertedDropout(0.5));

        Assert.Empty(ScheduledStrengths.Values(model, new Regularization { new L2Penalty(0.1) }));
    }

    [Fact]
    public void Trainer_DropoutAnnealedFromZero_LogsEachEpochsValueAndTrainsWithIt()
    {
        using var x = randn(64, 4);
        using var y = randint(0, 2, new long[] { 64 });
        TrainingHistory Run(nn.Module<Tensor, Tensor> dropout)
        {
            using var model = Net(dropout, 7);
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            return new Trainer(model, optimizer, new TrainerOptions { Epochs = 3, BatchSize = 16, Seed = 8 }).Fit(x, y);
        }

        var annealed = Run(new InvertedDropout(Schedule.Linear(0, 0.5, 2)));
        var plain = Run(new InvertedDropout(0));

        Assert.Equal([0.0, 0.25, 0.5], annealed.Epochs.Select(e => e.ScheduledValues["dropout1.p"]));
        // p = 0 in the first epoch: exactly the plain network's epoch; then the dropout changes the losses.
        Assert.Equal(plain.Epochs[0].TrainLoss, annealed.Epochs[0].TrainLoss);
        Assert.NotEqual(plain.Epochs[2].TrainLoss, annealed.Epochs[2].TrainLoss);
        Assert.Empty(plain.Epochs[0].ScheduledValues);
    }

    [Fact]
    public void Trainer_StepSchedule_LogsTheValueAtTheEpochsLastBatch()
    {
        using var model = Mlp(9);
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        using var x = randn(40, 4);
        using var y = randint(0, 2, new long[] { 40 });
        var reg = new Regularization { new L2Penalty(Schedule.FromStep(s => s / 1000.0)) };

        var history = new Trainer(model, optimizer, new TrainerOptions { Epochs = 2, BatchSize = 8, Regularization = reg }).Fit(x, y);

        // 5 batches per epoch: the last ones are steps 4 and 9.
        Assert.Equal([0.004, 0.009], history.Epochs.Select(e => e.ScheduledValues["l2.strength"]));
    }

    [Fact]
    public void Trainer_ResumedFromCheckpoint_ContinuesTheSchedulesWhereTheyWere()
    {
        using var x = randn(48, 4);
        using var y = randint(0, 2, new long[] { 48 });
        var path = Path.Combine(Path.GetTempPath(), $"schedule-resume-{Guid.NewGuid():N}.bin");
        static TrainerOptions Options(int initial, Regularization reg, LabelSmoothingCrossEntropy loss) => new()
        {
            Epochs = 5, InitialEpoch = initial, BatchSize = 16, Seed = 3, Regularization = reg, Loss = loss.call, Scheduled = [loss],
        };
        static (nn.Module<Tensor, Tensor>, Regularization, LabelSmoothingCrossEntropy) Setup() =>
            (Net(new DropPath(Schedule.Cosine(0, 0.4, 4)), 4), new Regularization { new MaxNorm(Schedule.Step(3, 0.5, 2)) },
             new LabelSmoothingCrossEntropy(Schedule.Linear(0, 0.2, 3)));

        var (straightModel, straightReg, straightLoss) = Setup();
        using var straightOptimizer = optim.SGD(straightModel.parameters(), 0.1);
        var straight = new Trainer(straightModel, straightOptimizer, Options(0, straightReg, straightLoss)).Fit(x, y);

        var (firstModel, firstReg, firstLoss) = Setup();
        using var firstOptimizer = optim.SGD(firstModel.parameters(), 0.1);
        new Trainer(firstModel, firstOptimizer, Options(0, firstReg, firstLoss) with { Epochs = 2 }).Fit(x, y);
        firstModel.save(path);
        var (resumedModel, resumedReg, resumedLoss) = Setup();
        resumedModel.load(path);
        File.Delete(path);
        using var resumedOptimizer = optim.SGD(resumedModel.parameters(), 0.1);
        var resumed = new Trainer(resumedModel, resumedOptimizer, Options(2, resumedReg, resumedLoss)).Fit(x, y);

        Assert.Equal([3, 4, 5], resumed.Epochs.Select(e => e.Epoch));
        Assert.Equal(
            straight.Epochs.Skip(2).Select(e => e.ScheduledValues.OrderBy(kv => kv.Key).ToList()),
            resumed.Epochs.Select(e => e.ScheduledValues.OrderBy(kv => kv.Key).ToList()));
        Assert.Equal(["LabelSmoothingCrossEntropy.epsilon", "dropout1.p", "max_norm.max_value"], resumed.Epochs[0].ScheduledValues.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1.5, resumed.Epochs[0].ScheduledValues["max_norm.max_value"]);
        straightModel.Dispose();
        firstModel.Dispose();
        resumedModel.Dispose();
    }
}
