using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// What the penalties' graph nodes (<see cref="WeightPenaltyFunction"/>, <see cref="ParameterTyingFunction"/>) share:
/// their 0-dimensional output, and how <c>grad_output</c> g scales a closed-form gradient. Normally g is a constant and
/// enters as a double; under <c>create_graph</c> with a g that itself records gradients it is multiplied in as a tensor,
/// so the dependence on it is kept.
/// </summary>
internal static class ClosedFormBackward
{
    /// <summary>A 0-dimensional tensor holding <paramref name="value"/> in <paramref name="like"/>'s dtype and device.</summary>
    public static Tensor Scalar(double value, Tensor like) => tensor(value, like.dtype, like.device);

    /// <summary>g as a double, or 1 when g records gradients (then <see cref="Times"/> multiplies it in).</summary>
    public static double Scale(Tensor gradOutput) => gradOutput.requires_grad ? 1.0 : gradOutput.ToDouble();

    /// <summary><paramref name="gradient"/> times g when g records gradients; otherwise <paramref name="gradient"/> itself.</summary>
    public static Tensor? Times(Tensor? gradient, Tensor gradOutput) =>
        gradient is not null && gradOutput.requires_grad ? gradient * gradOutput : gradient;
}
