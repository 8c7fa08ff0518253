using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>A differentiable scalar added to the loss before <c>backward()</c>.</summary>
public interface IPenalty : IRegularizer
{
    /// <summary>The penalty's value for the model's current state, as a 0-dimensional tensor that records gradients.</summary>
    Tensor Compute(nn.Module model);
}
