using static Regularizers.Torch.Modules.RegularizerModules;
using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Modules;

public sealed class DropPathTests
{
    [Fact]
    public void DropPath_InvertedTraining_DropsWholeExamplesAndKeepsTheMean()
    {
        // 200,000 examples of 1·mₙ/(1−p): the mean's standard error is √(p/(1−p))/√200000 ≈ 0.0015 at p = 0.3; allow 5σ.
        manual_seed(31);
        using var x = ones(200_000, 3);
        using var y = DropPath(0.3).call(x);
        var rows = Values(y).Chunk(3).ToList();

        Assert.All(rows, row => Assert.True(row.Distinct().Count() == 1, "an example's features were not dropped together"));
        Assert.Equal(new[] { 0f, 1 / 0.7f }, rows.Select(r => r[0]).Distinct().Order().ToArray(), new FloatTolerance(1e-6f));
        Assert.InRange(Scalar(y.mean()), 1 - 0.0075, 1 + 0.0075);
    }

    [Fact]
    public void DropPath_Classic_TrainingMeanMatchesInference()
    {
        // Training keeps survivors unscaled; the mean over 200,000 examples is 1−p within 5σ = 5·√(p(1−p))/√200000 ≈ 0.0052.
        manual_seed(32);
        using var dropPath = DropPath(0.4, DropoutScaling.Classic);
        using var x = ones(200_000, 2);
        using var train = dropPath.call(x);
        dropPath.eval();
        using var eval = dropPath.call(x);

        Assert.Equal(new[] { 0f, 1f }, Values(train).Distinct().Order().ToArray());
        Assert.InRange(Scalar(train.mean()), 0.6 - 0.0052, 0.6 + 0.0052);
        Assert.All(Values(eval), v => Assert.Equal(0.6f, v, 6));
    }

    [Fact]
    public void DropPath_InvertedEval_IsIdentity()
    {
        using var dropPath = DropPath(0.5);
        dropPath.eval();
        using var x = randn(8, 3, 4, 4);

        Assert.Equal(Values(x), Values(dropPath.call(x)));
    }

    [Fact]
    public void DropPath_SameSeedOrGenerator_SameMask()
    {
        using var x = ones(64, 5);
        manual_seed(33);
        var first = Values(DropPath(0.5).call(x));
        manual_seed(33);
        var again = Values(DropPath(0.5).call(x));
        var next = Values(DropPath(0.5).call(x));
        using var g1 = new Generator(7);
        using var g2 = new Generator(7);

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
        Assert.Equal(
            Values(RegularizerFunctional.drop_path(x, 0.5, generator: g1)),
            Values(RegularizerFunctional.drop_path(x, 0.5, generator: g2)));
    }

    [Fact]
    public void DropPath_PZero_IsIdentityInTraining()
    {
        using var x = randn(10, 4);

        Assert.Equal(Values(x), Values(DropPath(0).call(x)));
    }

    [Fact]
    public void DropPath_ResidualBranch_GradientReachesOnlyKeptExamples()
    {
        manual_seed(34);
        using var h = ones(200, 3).requires_grad_();
        using var y = DropPath(0.5).call(h);
        y.sum().backward();
        var kept = Values(y).Chunk(3).Select(r => r[0] != 0).ToList();
        var grads = Values(h.grad!).Chunk(3).ToList();

        Assert.All(Enumerable.Range(0, 200), n => Assert.Equal(kept[n] ? 2f : 0f, grads[n][0], 6));
    }

    [Theory]
    [InlineData(1.0, "p must be a finite number in the range [0, 1). Received: p=1. (Parameter 'p')\nActual value was 1.")]
    [InlineData(double.PositiveInfinity, "p must be a finite number in the range [0, 1). Received: p=Infinity. (Parameter 'p')\nActual value was Infinity.")]
    public void DropPath_InvalidP_ThrowsExactMessage(double p, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DropPath(p));

        Assert.Equal(message.Replace("\n", Environment.NewLine, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void DropPath_UndefinedScaling_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DropPath(0.1, (DropoutScaling)7));

        Assert.StartsWith("scaling must be Inverted or Classic. Received: scaling=7. (Parameter 'scaling')", e.Message, StringComparison.Ordinal);
    }
}
