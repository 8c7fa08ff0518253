using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>A differentiable scalar added to the loss before <c>backward()</c>.</summary>
public interface IPenalty
{
    /// <summary>A short name for logs, e.g. "l2".</summary>
    string Name { get; }

    /// <summary>The penalty's value for the model's current state, as a 0-dimensional tensor that records gradients.</summary>
    Tensor Compute(nn.Module model);
}
