using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Training;

/// <summary>The Trainer's gradient clipping by total norm and by value, seen in the step plain SGD takes with lr 1.</summary>
public sealed class GradientClippingTests
{
    private static float[] Step(TrainerOptions options)
    {
        manual_seed(30);
        using var x = randn(16, 4).mul(10);
        using var y = randint(0, 2, new long[] { 16 });
        using var model = Mlp(2);
        var before = model.parameters().SelectMany(p => Values(p)).ToArray();
        using var optimizer = optim.SGD(model.parameters(), 1.0);
        new Trainer(model, optimizer, options with { Epochs = 1, BatchSize = 16, Seed = 1 }).Fit(x, y);
        return model.parameters().SelectMany(p => Values(p)).Zip(before, (after, b) => b - after).ToArray();
    }

    [Fact]
    public void ClipGradientNorm_LargeGradient_StepHasExactlyTheMaximumTotalNorm()
    {
        var unclipped = Step(new TrainerOptions());
        var clipped = Step(new TrainerOptions { ClipGradientNorm = 0.01 });

        Assert.True(Math.Sqrt(unclipped.Sum(v => v * v)) > 0.1);
        Assert.Equal(0.01, Math.Sqrt(clipped.Sum(v => (double)v * v)), new DoubleTolerance(1e-4));
    }

    [Fact]
    public void ClipGradientValue_LargeGradient_EveryElementOfTheStepWithinTheBound()
    {
        var unclipped = Step(new TrainerOptions());
        var clipped = Step(new TrainerOptions { ClipGradientValue = 0.001 });

        Assert.True(unclipped.Max(Math.Abs) > 0.01);
        Assert.Equal(0.001f, clipped.Max(Math.Abs), new FloatTolerance(1e-4f));
        Assert.Equal(unclipped.Select(v => Math.Clamp(v, -0.001f, 0.001f)), clipped, new FloatTolerance(1e-4f));
    }

    [Fact]
    public void ClipGradientNorm_Negative_ThrowsExactMessage()
    {
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, optimizer, new TrainerOptions { ClipGradientNorm = -1 }));

        Assert.StartsWith("ClipGradientNorm must be a finite number greater than 0. Received: ClipGradientNorm=-1.", e.Message, StringComparison.Ordinal);
    }
}
