using Regularizers.Core;

namespace Regularizers.Cli.Statistics;

/// <summary>
/// Mean, sample standard deviation and a t-based confidence interval of a stream of values, e.g. a metric's
/// difference to the baseline over several seeds. Accumulates with Welford's update, which stays accurate when
/// the values are large relative to their spread.
/// </summary>
public sealed class RunningStatistics
{
    private double sumOfSquaredDeviations;

    /// <summary>The number of values added.</summary>
    public int Count { get; private set; }

    /// <summary>The sample mean <c>x̄ = (1/n)·Σ x_i</c>; NaN when empty.</summary>
    public double Mean { get; private set; } = double.NaN;

    /// <summary>The sample variance <c>s² = Σ (x_i − x̄)² / (n − 1)</c>; NaN for fewer than 2 values.</summary>
    public double Variance => Count > 1 ? sumOfSquaredDeviations / (Count - 1) : double.NaN;

    /// <summary>The sample standard deviation s; NaN for fewer than 2 values.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>The standard error of the mean, <c>s/√n</c>; NaN for fewer than 2 values.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Count);

    /// <summary>Accumulates <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static RunningStatistics Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var statistics = new RunningStatistics();
        foreach (var value in values)
        {
            statistics.Add(value);
        }
        return statistics;
    }

    /// <summary>Adds one value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite.</exception>
    public void Add(double value)
    {
        Guard.Finite(value);
        Count++;
        var previousMean = Count == 1 ? value : Mean;
        Mean = previousMean + ((value - previousMean) / Count);
        sumOfSquaredDeviations += (value - previousMean) * (value - Mean);
    }

    /// <summary>
    /// The interval <c>x̄ ± t_{(1+level)/2, n−1}·s/√n</c>, which covers the true mean with probability
    /// <paramref name="level"/> for normally distributed values; the half width is NaN for fewer than 2 values.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public ConfidenceInterval ConfidenceInterval(double level = 0.95)
    {
        Guard.InRange(level, 0, false, 1, false);
        var halfWidth = Count > 1 ? StudentT.Quantile((1 + level) / 2, Count - 1) * StandardError : double.NaN;
        return new ConfidenceInterval(Mean, halfWidth, level);
    }
}
