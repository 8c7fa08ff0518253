using Regularizers.Core;

namespace Regularizers.Reference.Modules;

/// <summary>
/// DropBlock (Ghiasi et al. 2018) on one H×W channel, written out. With b = min(blockSize, H, W), a block corner may sit
/// at any of the (H−b+1)·(W−b+1) positions where a b×b block fits, each drawn with probability
/// <c>γ = p·H·W / (b²·(H−b+1)·(W−b+1))</c>; pixel (i, j) is dropped when some drawn corner (r, c) has
/// <c>r ≤ i &lt; r+b</c> and <c>c ≤ j &lt; c+b</c>. Over the whole tensor, with M the keep mask, the output is
/// <c>x·M·count(M)/count_ones(M)</c> (0 when nothing is kept).
/// </summary>
public static class DropBlock2d
{
    /// <summary>The clipped block side b.</summary>
    public static int Side(int blockSize, int height, int width) => Math.Min(blockSize, Math.Min(height, width));

    /// <summary>γ, the probability of a corner at each fitting position.</summary>
    public static double Gamma(double p, int blockSize, int height, int width)
    {
        Guard.InRange(p, 0, true, 1, false);
        var b = Side(blockSize, height, width);
        return p * height * width / ((double)b * b * (height - b + 1) * (width - b + 1));
    }

    /// <summary>The probability that pixel (i, j) is dropped: <c>1 − (1−γ)^k</c>, k the number of fitting corners whose block covers it.</summary>
    public static double DropProbability(double p, int blockSize, int height, int width, int i, int j)
    {
        var b = Side(blockSize, height, width);
        var rows = Math.Min(i, height - b) - Math.Max(0, i - b + 1) + 1;
        var cols = Math.Min(j, width - b) - Math.Max(0, j - b + 1) + 1;
        return 1 - Math.Pow(1 - Gamma(p, blockSize, height, width), rows * cols);
    }

    /// <summary>
    /// The keep mask (H·W, row-major) of one channel whose drawn corners are <paramref name="corners"/>
    /// ((H−b+1)·(W−b+1) values, 1 where a block starts).
    /// </summary>
    public static double[] KeepMask(ReadOnlySpan<double> corners, int blockSize, int height, int width)
    {
        var b = Side(blockSize, height, width);
        var fit = width - b + 1;
        var keep = new double[height * width];
        Array.Fill(keep, 1.0);
        for (var r = 0; r <= height - b; r++)
        {
            for (var c = 0; c < fit; c++)
            {
                if (corners[(r * fit) + c] == 0)
                {
                    continue;
                }
                for (var i = r; i < r + b; i++)
                {
                    for (var j = c; j < c + b; j++)
                    {
                        keep[(i * width) + j] = 0;
                    }
                }
            }
        }
        return keep;
    }

    /// <summary>The training output <c>x·M·count(M)/count_ones(M)</c> for the keep mask <paramref name="keep"/> of the whole tensor.</summary>
    public static double[] Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> keep)
    {
        double ones = 0;
        foreach (var k in keep)
        {
            ones += k;
        }
        var scale = keep.Length / Math.Max(ones, 1);
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = x[i] * keep[i] * scale;
        }
        return y;
    }
}
