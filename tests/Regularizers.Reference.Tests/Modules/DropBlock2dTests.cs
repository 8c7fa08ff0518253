using Regularizers.Reference.Modules;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Modules;

/// <summary>DropBlock: closed forms, then against its TorchSharp twin with the blocks its mask shows.</summary>
public class DropBlock2dTests
{
    [Fact]
    public void DropBlock2d_Gamma_IsThePapersEquation()
    {
        // p·H·W / (b²·(H−b+1)·(W−b+1)) = 0.1·14·14 / (9·12·12).
        Assert.Equal(0.1 * 196 / (9 * 144.0), DropBlock2d.Gamma(0.1, 3, 14, 14), 15);
        // A block as large as the map fits once: γ = p.
        Assert.Equal(0.4, DropBlock2d.Gamma(0.4, 9, 5, 5), 15);
    }

    [Fact]
    public void DropBlock2d_DropProbability_CountsTheBlocksCoveringThePixel()
    {
        var gamma = DropBlock2d.Gamma(0.2, 3, 6, 6);

        // A corner pixel is covered by one fitting block, an interior one by b² = 9, (1, 2) by 2·3 and (1, 5) by 2·1.
        Assert.Equal(gamma, DropBlock2d.DropProbability(0.2, 3, 6, 6, 0, 0), 15);
        Assert.Equal(1 - Math.Pow(1 - gamma, 9), DropBlock2d.DropProbability(0.2, 3, 6, 6, 3, 2), 15);
        Assert.Equal(1 - Math.Pow(1 - gamma, 6), DropBlock2d.DropProbability(0.2, 3, 6, 6, 1, 2), 15);
        Assert.Equal(1 - Math.Pow(1 - gamma, 2), DropBlock2d.DropProbability(0.2, 3, 6, 6, 1, 5), 15);
    }

    [Fact]
    public void DropBlock2d_KeepMask_DropsEachDrawnBlock()
    {
        // 4×5 map, b = 2: corners at (0, 0) and (2, 3) of the 3×4 fitting positions.
        double[] corners = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

        var keep = DropBlock2d.KeepMask(corners, 2, 4, 5);

        Assert.Equal([0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0], keep);
    }

    [Fact]
    public void DropBlock2d_TorchsBlocks_GiveTheReferenceOutput()
    {
        const int n = 3, c = 2, h = 9, w = 7, b = 3;
        using var dropBlock = new Torch.Modules.DropBlock2d(0.3, b);
        var x = Input(n * c, h * w, 15).Data.Select(v => Math.Abs(v) + 0.1).ToArray();
        using var xt = ToTorch(x).reshape(n, c, h, w);
        manual_seed(16);

        using var y = dropBlock.call(xt);
        var torchKeep = Doubles(y).Select(v => v != 0 ? 1.0 : 0.0).ToArray();
        var keep = new List<double>();
        for (var channel = 0; channel < n * c; channel++)
        {
            var map = torchKeep.AsSpan(channel * h * w, h * w);
            keep.AddRange(DropBlock2d.KeepMask(WholeBlocks(map, h, w, b), b, h, w));
        }

        Assert.InRange(torchKeep.Sum(), 1, (n * c * h * w) - 1);
        // Every pixel torch dropped lies in a whole dropped b×b block, and the scaling is count over ones.
        Assert.Equal(torchKeep, keep);
        CloseToTorch(DropBlock2d.Forward(x, keep.ToArray()), y);
    }

    /// <summary>The corners of the fitting b×b blocks that <paramref name="keep"/> drops entirely.</summary>
    private static double[] WholeBlocks(ReadOnlySpan<double> keep, int height, int width, int b)
    {
        var fit = width - b + 1;
        var corners = new double[(height - b + 1) * fit];
        for (var r = 0; r <= height - b; r++)
        {
            for (var col = 0; col < fit; col++)
            {
                var whole = true;
                for (var k = 0; k < b * b && whole; k++)
                {
                    whole = keep[((r + (k / b)) * width) + col + (k % b)] == 0;
                }
                corners[(r * fit) + col] = whole ? 1 : 0;
            }
        }
        return corners;
    }
}
