using static Regularizers.Torch.Modules.RegularizerModules;
using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Modules;

public sealed class SpatialDropout2dTests
{
    [Fact]
    public void SpatialDropout2d_InvertedTraining_DropsWholeChannelsAndKeepsTheMean()
    {
        // 100,000 channels of 2×2 ones: the dropped fraction's standard error is √(p(1−p))/√100000 ≈ 0.0016 at p = 0.5
        // and the mean's √(p/(1−p))/√100000 ≈ 0.0032; allow 5σ.
        manual_seed(41);
        using var x = ones(1000, 100, 2, 2);
        using var y = SpatialDropout2d(0.5).call(x);
        var channels = Values(y).Chunk(4).ToList();

        Assert.All(channels, c => Assert.True(c.Distinct().Count() == 1, "a channel was not dropped whole"));
        Assert.Equal(new[] { 0f, 2f }, channels.Select(c => c[0]).Distinct().Order().ToArray());
        Assert.InRange(channels.Count(c => c[0] == 0) / 100_000.0, 0.5 - 0.008, 0.5 + 0.008);
        Assert.InRange(Scalar(y.mean()), 1 - 0.016, 1 + 0.016);
    }

    [Fact]
    public void SpatialDropout2d_Classic_SurvivorsUnscaledAndInferenceScaledByKeepProbability()
    {
        // The training mean over 100,000 channels is 1−p within 5σ = 5·√(p(1−p))/√100000 ≈ 0.0065 at p = 0.2.
        manual_seed(42);
        using var dropout = SpatialDropout2d(0.2, DropoutScaling.Classic);
        using var x = ones(500, 200, 1, 3);
        using var train = dropout.call(x);
        dropout.eval();
        using var eval = dropout.call(x);

        Assert.Equal(new[] { 0f, 1f }, Values(train).Distinct().Order().ToArray(), new FloatTolerance(1e-6f));
        Assert.InRange(Scalar(train.mean()), 0.8 - 0.0065, 0.8 + 0.0065);
        Assert.All(Values(eval), v => Assert.Equal(0.8f, v, 6));
    }

    [Fact]
    public void SpatialDropout2d_InvertedEval_IsIdentity()
    {
        using var dropout = SpatialDropout2d(0.5);
        dropout.eval();
        using var x = randn(2, 3, 4, 4);

        Assert.Equal(Values(x), Values(dropout.call(x)));
    }

    [Fact]
    public void SpatialDropout2d_SameSeed_SameMask()
    {
        using var x = ones(8, 16, 2, 2);
        manual_seed(43);
        var first = Values(SpatialDropout2d(0.5).call(x));
        manual_seed(43);
        var again = Values(SpatialDropout2d(0.5).call(x));
        var next = Values(SpatialDropout2d(0.5).call(x));

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public void SpatialDropout2d_NotAFeatureMap_ThrowsExactMessage()
    {
        using var x = ones(3, 4, 5);

        var e = Assert.Throws<ArgumentException>(() => SpatialDropout2d(0.5).call(x));

        Assert.Equal("spatial_dropout2d needs a feature map [N, C, H, W]. Received: input of shape [3, 4, 5]. (Parameter 'input')", e.Message);
    }
}
