using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>A penalty whose gradient has a closed form, so it can be added to <c>.grad</c> without autograd.</summary>
public interface IGradientPenalty : IPenalty
{
    /// <summary>The penalty's value as a 0-dimensional tensor that does not record gradients.</summary>
    Tensor Value(nn.Module model);

    /// <summary>
    /// Adds the penalty's gradient to each targeted parameter's <c>.grad</c> in place (creating it when the parameter
    /// has none), without recording gradients, at the current weights: between <c>Value</c> and this call the weights
    /// do not change in a training step, so <c>.grad</c> then holds what <c>backward()</c> of
    /// <c>loss + Compute(model)</c> would have produced.
    /// </summary>
    void AddGradient(nn.Module model);
}
