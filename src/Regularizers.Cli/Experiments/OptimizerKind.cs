namespace Regularizers.Cli.Experiments;

/// <summary>The optimizer every configuration of an experiment trains with.</summary>
internal enum OptimizerKind
{
    /// <summary>Plain SGD, <c>w ← w − lr·g</c> (seed 004's <c>sgd(lr=0.01)</c>).</summary>
    Sgd,

    /// <summary>SGD with momentum 0.9 (PyTorch's form: <c>v ← 0.9·v + g</c>, <c>w ← w − lr·v</c>).</summary>
    Momentum,

    /// <summary>Adam with PyTorch's defaults (β = (0.9, 0.999), ε = 1e-8).</summary>
    Adam,
}
