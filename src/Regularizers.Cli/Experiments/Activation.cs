namespace Regularizers.Cli.Experiments;

/// <summary>The hidden layers' nonlinearity.</summary>
internal enum Activation
{
    /// <summary><c>max(0, x)</c>.</summary>
    ReLU,

    /// <summary><c>1 / (1 + e^{−x})</c>, as in seed 004.</summary>
    Sigmoid,

    /// <summary><c>tanh(x)</c>.</summary>
    Tanh,
}
