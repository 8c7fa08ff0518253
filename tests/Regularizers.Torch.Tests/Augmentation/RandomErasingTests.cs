using static Regularizers.Torch.Augmentation.AugmentationModules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Augmentation;

public sealed class RandomErasingTests
{
    [Fact]
    public void RandomErasing_Eval_IsIdentity()
    {
        using var scope = NewDisposeScope();
        var erasing = RandomErasing(1);
        erasing.eval();
        var x = rand(3, 1, 8, 8);

        Assert.Equal(Values(x), Values(erasing.call(x)));
    }

    [Fact]
    public void Erase_Box_SetsExactlyThatRectangleOnEveryChannel()
    {
        using var scope = NewDisposeScope();
        var x = ones(2, 2, 4, 5);
        var y = Regularizers.Torch.Augmentation.RandomErasing.erase(x, tensor(new long[] { 1, 2, 2, 3, 0, 0, 0, 0 }, new long[] { 2, 4 }), tensor(-1f));
        float[] erasedImage =
        [
            1, 1, 1, 1, 1,
            1, 1, -1, -1, -1,
            1, 1, -1, -1, -1,
            1, 1, 1, 1, 1,
        ];

        Assert.Equal(erasedImage, Values(y[0, 0]));
        Assert.Equal(erasedImage, Values(y[0, 1]));
        Assert.Equal(Enumerable.Repeat(1f, 40), Values(y[1]));
    }

    [Fact]
    public void RandomErasing_Training_ErasesOneRectangleWithinTheAreaAndAspectRangesPerImage()
    {
        using var scope = NewDisposeScope();
        manual_seed(70);
        var y = RandomErasing(1, scale: (0.1, 0.2), ratio: (0.5, 2), value: 0).call(ones(200, 1, 20, 20));
        var areas = new List<int>();
        for (var n = 0; n < 200; n++)
        {
            var erased = Values(y[n, 0]).Select((v, i) => (v, i)).Where(p => p.v == 0).Select(p => p.i).ToArray();
            var (rows, cols) = (erased.Select(i => i / 20).Distinct().Count(), erased.Select(i => i % 20).Distinct().Count());
            // A full rectangle: its pixel count is its row count times its column count.
            Assert.Equal(rows * cols, erased.Length);
            Assert.InRange(rows / (double)cols, 0.5 * 0.7, 2 / 0.7);
            areas.Add(erased.Length);
        }

        // s·H·W in [40, 80] before rounding each side; rounding moves the area by at most h/2 + w/2 + 1/4 ≈ 9 pixels.
        Assert.InRange(areas.Min(), 40 - 10, 80);
        Assert.InRange(areas.Max(), 40, 80 + 10);
        Assert.True(areas.Distinct().Count() > 10);
    }

    [Fact]
    public void RandomErasing_RandomValue_FillsWithStandardNormalNoise()
    {
        using var scope = NewDisposeScope();
        manual_seed(71);
        var y = RandomErasing(1, scale: (0.3, 0.3), ratio: (1, 1), value: null).call(full(500, 1, 10, 10, 5f));
        var noise = Values(y).Where(v => v != 5f).Select(v => (double)v).ToArray();

        // 500 squares of round(√30)² = 25 pixels; mean 0 and variance 1 within 5 standard errors.
        Assert.Equal(500 * 25, noise.Length);
        Assert.InRange(noise.Average(), -0.05, 0.05);
        Assert.InRange(noise.Average(v => v * v), 0.93, 1.07);
    }

    [Fact]
    public void RandomErasing_ProbabilityQuarter_ErasesAboutAQuarterOfIdenticalImagesSameSeedSameBatch()
    {
        using var scope = NewDisposeScope();
        manual_seed(72);
        var y = RandomErasing(0.25).call(ones(2000, 1, 16, 16));
        manual_seed(72);
        var again = RandomErasing(0.25).call(ones(2000, 1, 16, 16));
        var erased = Enumerable.Range(0, 2000).Count(n => Values(y[n]).Contains(0f));

        // Standard error 0.0097; allow 5σ.
        Assert.InRange(erased / 2000.0, 0.20, 0.30);
        Assert.Equal(Values(y), Values(again));
    }

    [Fact]
    public void RandomErasing_Training_ErasedPixelsGetNoGradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(73);
        var x = ones(new long[] { 4, 1, 8, 8 }, requires_grad: true);
        var y = RandomErasing(1, value: 0).call(x);
        y.sum().backward();

        Assert.Equal(Values(y), Values(x.grad!));
    }

    [Theory]
    [InlineData(-0.5, 0.02, 0.33, "p must be a finite number in the range [0, 1]. Received: p=-0.5.")]
    [InlineData(0.5, 0.4, 0.2, "scale must be a range (min, max) of finite numbers with 0 <= min <= max <= 1. Received: scale=(0.4, 0.2).")]
    [InlineData(0.5, 0.1, 1.5, "scale must be a range (min, max) of finite numbers with 0 <= min <= max <= 1. Received: scale=(0.1, 1.5).")]
    public void RandomErasing_BadArgument_ThrowsNamingIt(double p, double min, double max, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RandomErasing(p, scale: (min, max)));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Counts process-wide live tensors, so it runs with no other test class in parallel.</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class AugmentationLeakTests
{
    [Fact]
    public void Augmentations_RepeatedTrainingCalls_LeaveOnlyTheirOutputs()
    {
        using var x = rand(8, 1, 12, 12);
        nn.Module<Tensor, Tensor>[] modules = [RandomAffine(degrees: 10, translate: 0.1, shear: 5, fill: 0.5), RandomHorizontalFlip(), RandomErasing(value: null)];
        foreach (var m in modules)
        {
            m.call(x).Dispose();
        }
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 20; i++)
        {
            foreach (var m in modules)
            {
                m.call(x).Dispose();
            }
        }

        Assert.Equal(before, Tensor.TotalCount);
    }
}
