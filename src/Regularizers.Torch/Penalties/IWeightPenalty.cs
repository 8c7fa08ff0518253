using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// A penalty <c>Σ φ(w)</c> summed over parameter tensors, given as its math alone (Keras' <c>Regularizer</c>): the
/// value <c>φ(w)</c> and the gradient <c>∇φ(w)</c> of one tensor. <see cref="Regularization"/> selects the tensors
/// (<see cref="Targets"/>) and brings the gradient into <c>.grad</c>, through one autograd node or, under
/// <see cref="PenaltyGradients.InPlace"/>, by adding it after <c>backward()</c>; <see cref="WeightPenaltyExtensions"/>
/// does the same for one penalty on its own.
/// </summary>
public interface IWeightPenalty : IRegularizer
{
    /// <summary>The parameters the penalty applies to (weights only by default).</summary>
    ParameterTargets Targets { get; }

    /// <summary><c>φ(w)</c>, computed without recording gradients.</summary>
    double Value(Tensor weight);

    /// <summary>
    /// <c>∇φ(w)</c> as a new tensor shaped like <paramref name="weight"/>. Written with ordinary ops, so that under grad
    /// mode (a backward with <c>create_graph</c>) it is recorded and second derivatives are φ's Hessian.
    /// </summary>
    Tensor Gradient(Tensor weight);
}
