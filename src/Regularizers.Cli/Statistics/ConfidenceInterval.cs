namespace Regularizers.Cli.Statistics;

/// <summary>A two-sided confidence interval <c>Center ± HalfWidth</c> at confidence <see cref="Level"/>.</summary>
/// <param name="Center">The point estimate (the sample mean).</param>
/// <param name="HalfWidth">The distance from the center to either bound; NaN when it cannot be estimated.</param>
/// <param name="Level">The confidence level, e.g. 0.95.</param>
public readonly record struct ConfidenceInterval(double Center, double HalfWidth, double Level)
{
    /// <summary>The lower bound, <c>Center − HalfWidth</c>.</summary>
    public double Lower => Center - HalfWidth;

    /// <summary>The upper bound, <c>Center + HalfWidth</c>.</summary>
    public double Upper => Center + HalfWidth;

    /// <summary>Whether <paramref name="value"/> lies within the closed interval; a difference whose interval excludes 0 is significant at this level.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
