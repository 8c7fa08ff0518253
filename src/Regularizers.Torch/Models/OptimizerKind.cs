namespace Regularizers.Torch.Models;

/// <summary>The optimizer a <see cref="ModelSpec"/> trains with, at its learning rate lr.</summary>
public enum OptimizerKind
{
    /// <summary>Plain SGD, <c>w ← w − lr·g</c> (<c>optim.SGD</c>).</summary>
    Sgd,

    /// <summary>SGD with momentum 0.9 in PyTorch's form: <c>v ← 0.9·v + g</c>, <c>w ← w − lr·v</c>.</summary>
    Momentum,

    /// <summary>Adam with PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8.</summary>
    Adam,
}
