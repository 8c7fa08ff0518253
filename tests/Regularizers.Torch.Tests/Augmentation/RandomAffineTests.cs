using Regularizers.Torch.Augmentation;
using static Regularizers.Torch.Augmentation.AugmentationModules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Augmentation;

public sealed class RandomAffineTests
{
    [Fact]
    public void RandomAffine_Eval_IsIdentity()
    {
        using var scope = NewDisposeScope();
        var affine = RandomAffine(degrees: 30, translate: 0.2, minScale: 0.8, maxScale: 1.2, shear: 10);
        affine.eval();
        var x = rand(4, 1, 8, 8);

        Assert.Equal(Values(x), Values(affine.call(x)));
    }

    [Fact]
    public void RandomAffine_IdenticalImages_GetTheirOwnWarps()
    {
        using var scope = NewDisposeScope();
        manual_seed(50);
        var image = rand(1, 1, 10, 10);
        var y = RandomAffine(degrees: 30, translate: 0.1).call(image.expand(8, 1, 10, 10).contiguous());
        var warped = Enumerable.Range(0, 8).Select(n => Values(y[n])).ToArray();

        // Eight different draws: no two outputs agree.
        for (var i = 0; i < 8; i++)
        {
            for (var j = i + 1; j < 8; j++)
            {
                Assert.NotEqual(warped[i], warped[j]);
            }
        }
    }

    [Fact]
    public void RandomAffine_SameSeed_SameBatchAndGeneratorFixesIt()
    {
        using var scope = NewDisposeScope();
        var x = rand(6, 3, 9, 7);
        var affine = RandomAffine(degrees: 20, translate: 0.1, minScale: 0.9, maxScale: 1.1, shear: 5);
        manual_seed(51);
        var first = Values(affine.call(x));
        manual_seed(51);
        var second = Values(affine.call(x));
        var third = Values(affine.call(x));
        var seeded = Values(RandomAffine(degrees: 20, generator: new Generator(3)).call(x));

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
        Assert.Equal(seeded, Values(RandomAffine(degrees: 20, generator: new Generator(3)).call(x)));
    }

    [Fact]
    public void RandomAffine_Training_KeepsShapeTypeAndTheRangeOfInputAndFill()
    {
        using var scope = NewDisposeScope();
        manual_seed(52);
        var x = rand(new long[] { 5, 2, 12, 12 }, ScalarType.Float64);
        var y = RandomAffine(degrees: 45, translate: 0.3, minScale: 0.5, maxScale: 2, shear: 20, fill: -1).call(x);

        Assert.Equal(x.shape, y.shape);
        Assert.Equal(ScalarType.Float64, y.dtype);
        // Bilinear weights are a convex combination of pixels in [0, 1) and the fill −1.
        Assert.InRange(Scalar(y.min()), -1 - 1e-12, 0);
        Assert.InRange(Scalar(y.max()), 0, 1);
        Assert.Contains(-1f, Values(y));
    }

    [Fact]
    public void RandomAffine_Training_PassesGradientsToTheInput()
    {
        using var scope = NewDisposeScope();
        manual_seed(53);
        var x = rand(new long[] { 3, 1, 6, 6 }, requires_grad: true);
        RandomAffine(degrees: 10, minScale: 1.1, maxScale: 1.2).call(x).sum().backward();

        // Each output pixel's bilinear weights sum to 1 where all four neighbours lie inside: the input gradient's total
        // is the number of output pixels less what fell outside, so it is positive and at most 3·36.
        Assert.InRange(Scalar(x.grad!.sum()), 50, 108 + 1e-3);
    }

    [Fact]
    public void RandomAffine_DefaultOptions_IsTheIdentityInTraining()
    {
        using var scope = NewDisposeScope();
        var x = rand(2, 1, 5, 6);

        Assert.Equal(Values(x), Values(new RandomAffine(new RandomAffineOptions()).call(x)), new FloatTolerance(1e-6f));
    }

    [Theory]
    [InlineData(-1.0, 0.0, "degrees must be a finite number greater than or equal to 0. Received: degrees=-1. (Parameter 'degrees')\nActual value was -1.")]
    [InlineData(200.0, 0.0, "Degrees must be a range (min, max) of finite numbers with -180 <= min <= max <= 180. Received: Degrees=(-200, 200). (Parameter 'Degrees')\nActual value was (-200, 200).")]
    [InlineData(0.0, 1.5, "Translate.X must be a finite number in the range [0, 1]. Received: Translate.X=1.5. (Parameter 'Translate.X')\nActual value was 1.5.")]
    public void RandomAffine_BadArgument_ThrowsExactMessage(double degrees, double translate, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RandomAffine(degrees, translate));

        Assert.Equal(message.Replace("\n", Environment.NewLine, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void RandomAffine_EmptyScaleRange_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RandomAffine(minScale: 1.2, maxScale: 0.8));

        Assert.StartsWith("Scale must be a range (min, max) of finite numbers with 0.01 <= min <= max <= 100. Received: Scale=(1.2, 0.8).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomAffine_NonImageTensor_ThrowsNamingShapeAndType()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => RandomAffine(degrees: 5).call(ones(3, 784)));

        Assert.Equal("input must be a floating-point image batch shaped [N, C, H, W]. Received: input of shape [3, 784] and type Float32. (Parameter 'input')", e.Message);
    }
}
