using Regularizers.Torch.Penalties;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Training;

/// <summary>Gradient accumulation: k batches of n step as one batch of k·n, and a short last group still steps.</summary>
public sealed class GradientAccumulationTests
{
    [Fact]
    public void AccumulationSteps_TwoBatchesOfEight_EqualOneBatchOfSixteen()
    {
        manual_seed(31);
        using var x = randn(32, 4);
        using var y = randint(0, 2, new long[] { 32 });
        using var accumulated = Mlp(5);
        using var whole = Mlp(5);
        using var optA = optim.SGD(accumulated.parameters(), 0.3, momentum: 0.9);
        using var optW = optim.SGD(whole.parameters(), 0.3, momentum: 0.9);
        var penalty = new Regularization { new L2Penalty(0.01) };

        // Both draw the same order (same seed and size); batches 16 = the first two batches of 8.
        new Trainer(accumulated, optA, new TrainerOptions { Epochs = 2, BatchSize = 8, AccumulationSteps = 2, Seed = 4, Regularization = penalty }).Fit(x, y);
        new Trainer(whole, optW, new TrainerOptions { Epochs = 2, BatchSize = 16, Seed = 4, Regularization = penalty }).Fit(x, y);

        Assert.Equal(whole.parameters().SelectMany(p => Values(p)), accumulated.parameters().SelectMany(p => Values(p)), new FloatTolerance(1e-5f));
    }

    [Fact]
    public void AccumulationSteps_ThreeBatchesGroupsOfTwo_StepsTwicePerEpoch()
    {
        manual_seed(32);
        using var x = randn(20, 4);
        using var y = randint(0, 2, new long[] { 20 });
        using var model = Mlp(5);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var steps = new StepCounter();

        new Trainer(model, optimizer, new TrainerOptions { Epochs = 2, BatchSize = 8, AccumulationSteps = 2, Seed = 4, Callbacks = [steps] }).Fit(x, y);

        Assert.Equal([1, 2, 1, 2], steps.Batches);
    }

    [Fact]
    public void AccumulationSteps_WithInPlacePenaltyGradients_ThrowsMessageNamingTheConflict()
    {
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var options = new TrainerOptions { AccumulationSteps = 3, Regularization = new Regularization(PenaltyGradients.InPlace) { new L2Penalty(0.1) } };

        var e = Assert.Throws<ArgumentException>(() => new Trainer(model, optimizer, options));

        Assert.StartsWith("AccumulationSteps=3 divides each batch's loss by 3, but Regularization(PenaltyGradients.InPlace)", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The 0-based batch after which each optimizer step happened.</summary>
    private sealed class StepCounter : TrainingCallback
    {
        public List<int> Batches { get; } = [];

        public override void OnAfterStep(TrainingContext context) => Batches.Add(context.Batch);
    }
}
