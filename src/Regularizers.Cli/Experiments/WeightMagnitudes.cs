namespace Regularizers.Cli.Experiments;

/// <summary>
/// The distribution of |w| over a network's weights (biases excluded) on a logarithmic grid: bin 0 holds
/// |w| &lt; 10^<see cref="LowestDecade"/> (exact zeros included), bin i (1 ≤ i ≤ <see cref="InnerBins"/>) holds
/// 10^(<see cref="LowestDecade"/> + (i−1)/<see cref="BinsPerDecade"/>) ≤ |w| &lt; 10^(<see cref="LowestDecade"/> + i/<see cref="BinsPerDecade"/>),
/// and the last bin |w| ≥ 10^<see cref="HighestDecade"/>. L1's sparsity shows as mass in bin 0; L2 shifts the bulk left.
/// </summary>
internal static class WeightMagnitudes
{
    /// <summary>The lower end of the grid, as a power of ten.</summary>
    public const int LowestDecade = -6;

    /// <summary>The upper end of the grid, as a power of ten.</summary>
    public const int HighestDecade = 1;

    /// <summary>Bins per factor of ten.</summary>
    public const int BinsPerDecade = 4;

    /// <summary>Bins between the two ends.</summary>
    public const int InnerBins = (HighestDecade - LowestDecade) * BinsPerDecade;

    /// <summary>All bins: the underflow bin, the inner bins and the overflow bin.</summary>
    public const int Bins = InnerBins + 2;

    /// <summary>The fraction of <paramref name="weights"/> in each bin (summing to 1).</summary>
    public static double[] Fractions(ReadOnlySpan<float> weights)
    {
        var counts = new double[Bins];
        foreach (var w in weights)
        {
            counts[Bin(Math.Abs(w))]++;
        }
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] /= weights.Length;
        }
        return counts;
    }

    /// <summary>The geometric middle of bin <paramref name="bin"/> (the underflow and overflow bins sit half a bin outside the grid).</summary>
    public static double Center(int bin) => Math.Pow(10, LowestDecade + ((bin - 0.5) / BinsPerDecade));

    private static int Bin(double magnitude)
    {
        if (!(magnitude >= Math.Pow(10, LowestDecade)))
        {
            return 0;
        }
        var position = (Math.Log10(magnitude) - LowestDecade) * BinsPerDecade;
        return Math.Min(Bins - 1, 1 + (int)Math.Floor(position));
    }
}
