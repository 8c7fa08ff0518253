using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>One constraint used on its own, outside a <see cref="Regularization"/>.</summary>
public static class ConstraintExtensions
{
    /// <summary>
    /// Projects every parameter of <paramref name="model"/> that the constraint's <see cref="IConstraint.Targets"/>
    /// select, in place, without recording gradients, each inside its own dispose scope.
    /// </summary>
    /// <exception cref="InvalidOperationException">The targets match no parameter of the model.</exception>
    public static void Apply(this IConstraint constraint, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        using var noGrad = no_grad();
        foreach (var (_, p) in constraint.Targets.Select(model, constraint.GetType().Name))
        {
            using var scope = NewDisposeScope();
            constraint.Project(p);
        }
    }
}
