using static Regularizers.Torch.Modules.RegularizerModules;
using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Modules;

public sealed class DropBlock2dTests
{
    [Fact]
    public void DropBlock2d_Training_DropsUnionsOfWholeBlocksAndScalesTheRestByCountOverOnes()
    {
        manual_seed(51);
        using var x = ones(4, 3, 12, 10);
        using var y = DropBlock2d(0.3, 4).call(x);
        var values = Values(y);
        var keep = values.Select(v => v == 0 ? 0 : 1).ToArray();
        var ones_ = keep.Sum();

        for (var channel = 0; channel < 12; channel++)
        {
            var map = keep.Skip(channel * 120).Take(120).ToArray();
            Assert.Equal(map, BlocksCovering(map, 12, 10, 4));
        }
        Assert.InRange(ones_, 1, keep.Length - 1);
        Assert.All(values.Where(v => v != 0), v => Assert.Equal(keep.Length / (float)ones_, v, 5));
    }

    [Fact]
    public void DropBlock2d_DroppedFraction_MatchesTheClosedForm()
    {
        // Pixel (i, j) is dropped with probability 1 − (1−γ)^(kᵢ·kⱼ), kᵢ the fitting block rows covering row i. Over 20,000
        // channels of 16×16 the per-channel fraction has a standard deviation below 0.15, so the mean's is below 0.0011; allow 6σ.
        const int side = 16, block = 5;
        const double p = 0.2;
        var gamma = p * side * side / (block * block * (double)(side - block + 1) * (side - block + 1));
        int Covering(int i) => Math.Min(i, side - block) - Math.Max(0, i - block + 1) + 1;
        var expected = Enumerable.Range(0, side * side).Average(k => 1 - Math.Pow(1 - gamma, Covering(k / side) * Covering(k % side)));
        manual_seed(52);
        using var x = ones(200, 100, side, side);

        using var y = DropBlock2d(p, block).call(x);
        var dropped = Scalar(y.eq(0).to_type(ScalarType.Float64).mean());

        Assert.InRange(dropped, expected - 0.0066, expected + 0.0066);
        // Blocks overlap, so the fraction dropped is somewhat below p.
        Assert.InRange(expected, 0.17, 0.2);
    }

    [Fact]
    public void DropBlock2d_Float64_TorchOpsPathDropsWholeBlocksToo()
    {
        // Float64 is not painted by the CPU float32 pass: the torch-ops mask (Bernoulli corners, shifted maxima) runs.
        manual_seed(56);
        using var x = ones(6, 2, 11, 9, ScalarType.Float64);
        using var y = DropBlock2d(0.3, 3).call(x);
        var values = Values(y);
        var keep = values.Select(v => v == 0 ? 0 : 1).ToArray();

        for (var channel = 0; channel < 12; channel++)
        {
            var map = keep.Skip(channel * 99).Take(99).ToArray();
            Assert.Equal(map, BlocksCovering(map, 11, 9, 3));
        }
        Assert.InRange(keep.Sum(), 1, keep.Length - 1);
        Assert.Equal(keep.Length, Scalar(y.sum()), 0.01);
    }

    [Fact]
    public void DropBlock2d_Training_PreservesTheTensorsSum()
    {
        manual_seed(53);
        using var x = ones(8, 4, 9, 9);

        using var y = DropBlock2d(0.4, 3).call(x);

        Assert.Equal(8 * 4 * 81, Scalar(y.sum()), 0.05);
        Assert.True(Scalar(y.eq(0).sum()) > 0, "nothing was dropped");
    }

    [Fact]
    public void DropBlock2d_BlockLargerThanTheMap_DropsWholeChannels()
    {
        // b is clipped to 3 = H = W, so γ = p: each channel is dropped whole or kept whole.
        manual_seed(54);
        using var x = ones(50, 20, 3, 3);

        using var y = DropBlock2d(0.5, 7).call(x);

        Assert.All(Values(y).Chunk(9), c => Assert.True(c.Distinct().Count() == 1, "a channel was dropped in part"));
    }

    [Fact]
    public void DropBlock2d_EvalOrPZero_IsIdentity()
    {
        using var x = randn(2, 3, 8, 8);
        using var dropBlock = DropBlock2d(0.3, 3);
        dropBlock.eval();

        Assert.Equal(Values(x), Values(dropBlock.call(x)));
        Assert.Equal(Values(x), Values(DropBlock2d(0, 3).call(x)));
    }

    [Fact]
    public void DropBlock2d_SameSeedOrGenerator_SameBlocks()
    {
        using var x = ones(4, 4, 10, 10);
        manual_seed(55);
        var first = Values(DropBlock2d(0.3, 3).call(x));
        manual_seed(55);
        var again = Values(DropBlock2d(0.3, 3).call(x));
        var next = Values(DropBlock2d(0.3, 3).call(x));
        using var g1 = new Generator(9);
        using var g2 = new Generator(9);

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
        Assert.Equal(
            Values(RegularizerFunctional.drop_block2d(x, 0.3, 3, generator: g1)),
            Values(RegularizerFunctional.drop_block2d(x, 0.3, 3, generator: g2)));
    }

    [Fact]
    public void DropBlock2d_InvalidArguments_ThrowExactMessages()
    {
        using var flat = ones(2, 8);

        var size = Assert.Throws<ArgumentOutOfRangeException>(() => DropBlock2d(0.1, 0));
        var shape = Assert.Throws<ArgumentException>(() => DropBlock2d(0.1, 3).call(flat));

        Assert.StartsWith("blockSize must be an integer greater than or equal to 1. Received: blockSize=0. (Parameter 'blockSize')", size.Message, StringComparison.Ordinal);
        Assert.Equal("drop_block2d needs a feature map [N, C, H, W]. Received: input of shape [2, 8]. (Parameter 'input')", shape.Message);
    }

    /// <summary>
    /// The keep map that results from dropping every b×b block (at a fitting position) which <paramref name="keep"/>
    /// drops entirely: equal to <paramref name="keep"/> exactly when its dropped pixels are a union of such blocks.
    /// </summary>
    private static int[] BlocksCovering(int[] keep, int height, int width, int b)
    {
        var result = Enumerable.Repeat(1, keep.Length).ToArray();
        for (var r = 0; r <= height - b; r++)
        {
            for (var c = 0; c <= width - b; c++)
            {
                var whole = Enumerable.Range(0, b * b).All(k => keep[((r + (k / b)) * width) + c + (k % b)] == 0);
                if (whole)
                {
                    Enumerable.Range(0, b * b).ToList().ForEach(k => result[((r + (k / b)) * width) + c + (k % b)] = 0);
                }
            }
        }
        return result;
    }
}
