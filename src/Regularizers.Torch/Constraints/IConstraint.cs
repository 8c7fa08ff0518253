using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>
/// A projection of parameter tensors applied after each optimizer step (Keras' <c>Constraint</c>), given as its math
/// alone: <see cref="Project"/> changes one tensor in place. <see cref="Regularization.AfterStep"/> (or
/// <see cref="ConstraintExtensions.Apply"/>) selects the tensors by <see cref="Targets"/> and runs it without recording
/// gradients.
/// </summary>
public interface IConstraint : IRegularizer
{
    /// <summary>The parameters the constraint applies to (weights only by default).</summary>
    ParameterTargets Targets { get; }

    /// <summary>Projects <paramref name="weight"/> in place; called with gradient recording off.</summary>
    void Project(Tensor weight);
}
