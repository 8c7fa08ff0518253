namespace Regularizers.Torch.Models;

/// <summary>Which dropout a <see cref="ModelSpec"/> puts after each hidden activation (p is the drop probability).</summary>
/// <remarks>The numeric values are those the 0.2.0 model files stored, so those files still read.</remarks>
public enum DropoutKind
{
    /// <summary>No dropout layer.</summary>
    None,

    /// <summary><see cref="InvertedDropout"/>: training <c>x·m/(1−p)</c>, prediction unchanged.</summary>
    Inverted,

    /// <summary><see cref="ClassicDropout"/>: training <c>x·m</c>, prediction <c>x·(1−p)</c>.</summary>
    Classic,

    /// <summary><see cref="GaussianDropout"/>: training <c>x·N(1, p/(1−p))</c>, prediction unchanged.</summary>
    Gaussian,
}
