namespace Regularizers.Core.Stopping;

/// <summary>Which direction of the monitored value is an improvement.</summary>
public enum MetricMode
{
    /// <summary>Lower is better (errors, losses).</summary>
    Min,

    /// <summary>Higher is better (accuracy).</summary>
    Max,
}
