using static Regularizers.Torch.Augmentation.AugmentationModules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Augmentation;

public sealed class RandomHorizontalFlipTests
{
    [Fact]
    public void RandomHorizontalFlip_Eval_IsIdentity()
    {
        using var scope = NewDisposeScope();
        var flip = RandomHorizontalFlip(1);
        flip.eval();
        var x = rand(3, 2, 4, 4);

        Assert.Equal(Values(x), Values(flip.call(x)));
    }

    [Fact]
    public void RandomHorizontalFlip_IdenticalImages_EachDrawsAndAboutHalfAreMirrored()
    {
        using var scope = NewDisposeScope();
        // 2000 copies of one image at p = 0.3: the mirrored fraction has standard error 0.010; allow 5σ.
        manual_seed(60);
        var image = rand(1, 1, 3, 5);
        var y = RandomHorizontalFlip(0.3).call(image.expand(2000, 1, 3, 5).contiguous());
        var mirrored = Values(image.flip(3));
        var outputs = Enumerable.Range(0, 2000).Select(n => Values(y[n])).ToArray();
        var flippedCount = outputs.Count(o => o.SequenceEqual(mirrored));

        Assert.Equal(2000, flippedCount + outputs.Count(o => o.SequenceEqual(Values(image))));
        Assert.InRange(flippedCount / 2000.0, 0.25, 0.35);
    }

    [Fact]
    public void RandomHorizontalFlip_SameSeed_SameBatch()
    {
        using var scope = NewDisposeScope();
        var x = rand(64, 1, 2, 3);
        manual_seed(61);
        var first = Values(RandomHorizontalFlip().call(x));
        manual_seed(61);

        Assert.Equal(first, Values(RandomHorizontalFlip().call(x)));
        Assert.NotEqual(first, Values(RandomHorizontalFlip().call(x)));
    }

    [Fact]
    public void RandomHorizontalFlip_ProbabilityOne_MirrorsEveryImageAndItsGradient()
    {
        using var scope = NewDisposeScope();
        var x = arange(6f).view(1, 1, 2, 3).requires_grad_();
        var y = RandomHorizontalFlip(1).call(x);
        (y * arange(6f).view(1, 1, 2, 3)).sum().backward();

        Assert.Equal(new[] { 2f, 1, 0, 5, 4, 3 }, Values(y));
        Assert.Equal(new[] { 2f, 1, 0, 5, 4, 3 }, Values(x.grad!));
    }

    [Fact]
    public void RandomHorizontalFlip_ProbabilityOutsideZeroOne_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RandomHorizontalFlip(1.5));

        Assert.Equal($"p must be a finite number in the range [0, 1]. Received: p=1.5. (Parameter 'p'){Environment.NewLine}Actual value was 1.5.", e.Message);
    }
}
