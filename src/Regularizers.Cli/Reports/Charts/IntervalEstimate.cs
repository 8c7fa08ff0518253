namespace Regularizers.Cli.Reports.Charts;

/// <summary>A point estimate with its interval, for <see cref="IntervalChart"/>.</summary>
/// <param name="Label">What was estimated (a configuration's name).</param>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Low">The interval's lower end (≤ <paramref name="Estimate"/>; NaN when there is no interval).</param>
/// <param name="High">The interval's upper end (≥ <paramref name="Estimate"/>; NaN when there is no interval).</param>
public readonly record struct IntervalEstimate(string Label, double Estimate, double Low, double High);
