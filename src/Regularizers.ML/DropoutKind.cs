namespace Regularizers.ML;

/// <summary>Which dropout follows each hidden layer (p is the drop probability).</summary>
public enum DropoutKind
{
    /// <summary>No dropout.</summary>
    None,

    /// <summary>Inverted dropout: training <c>x·m/(1−p)</c>, prediction unchanged.</summary>
    Inverted,

    /// <summary>Classic dropout: training <c>x·m</c>, prediction <c>x·(1−p)</c>.</summary>
    Classic,

    /// <summary>Gaussian dropout: training <c>x·N(1, p/(1−p))</c>.</summary>
    Gaussian,
}
