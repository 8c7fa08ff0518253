using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// A penalty on something other than one parameter tensor at a time, bound at construction to what it reads: a
/// layer's outputs (<see cref="ActivityPenalty"/>) or two modules (<see cref="ParameterTyingPenalty"/>). Penalties on
/// single tensors are <see cref="IWeightPenalty"/>.
/// </summary>
public interface IPenalty : IRegularizer
{
    /// <summary>The penalty's current value, as a 0-dimensional tensor that records gradients.</summary>
    Tensor Compute();
}
