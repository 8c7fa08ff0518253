namespace Regularizers.Cli.Reports.Charts;

/// <summary>A point with its name written beside it, for <see cref="ScatterChart"/>.</summary>
public readonly record struct LabeledPoint(string Label, double X, double Y);
