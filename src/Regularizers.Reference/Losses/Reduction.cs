namespace Regularizers.Reference.Losses;

/// <summary>How per-example losses are reduced.</summary>
public enum Reduction
{
    /// <summary>Per-example losses.</summary>
    None,

    /// <summary>Weighted mean (divided by the sum of the correct classes' weights for index targets, by N for probability targets).</summary>
    Mean,

    /// <summary>Sum.</summary>
    Sum,
}
