namespace Regularizers.Torch.Models;

/// <summary>The hidden layers' nonlinearity in a <see cref="ModelSpec"/>.</summary>
/// <remarks>The numeric values are those the 0.2.0 model files stored, so those files still read.</remarks>
public enum Activation
{
    /// <summary><c>max(0, x)</c> (<c>nn.ReLU</c>).</summary>
    ReLU,

    /// <summary><c>1/(1 + e^{−x})</c> (<c>nn.Sigmoid</c>).</summary>
    Sigmoid,

    /// <summary><c>tanh x</c> (<c>nn.Tanh</c>).</summary>
    Tanh,
}
