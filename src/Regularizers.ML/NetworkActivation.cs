namespace Regularizers.ML;

/// <summary>The hidden layers' nonlinearity.</summary>
public enum NetworkActivation
{
    /// <summary><c>max(0, x)</c>.</summary>
    ReLU,

    /// <summary><c>1/(1 + e^{−x})</c>.</summary>
    Sigmoid,

    /// <summary><c>tanh x</c>.</summary>
    Tanh,
}
