namespace Regularizers.ML;

/// <summary>The optimizer the network trains with.</summary>
public enum NetworkOptimizer
{
    /// <summary>Plain SGD.</summary>
    Sgd,

    /// <summary>SGD with momentum 0.9.</summary>
    Momentum,

    /// <summary>Adam with PyTorch's defaults.</summary>
    Adam,
}
