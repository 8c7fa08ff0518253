using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>Unit norm: every output unit's incoming weight vector is rescaled to L2 norm 1, <c>w ← w / (‖w‖ + 1e-7)</c> (Keras' UnitNorm on axis 0 of ours).</summary>
public sealed class UnitNorm : IConstraint
{
    /// <summary>Creates the constraint for the weights (or all parameters).</summary>
    public UnitNorm(ParameterSelection selection = ParameterSelection.WeightsOnly) => Targets = new ParameterTargets(selection);

    /// <inheritdoc />
    public ParameterTargets Targets { get; }

    /// <inheritdoc />
    public string Name => "unit_norm";

    /// <inheritdoc />
    public void Project(Tensor weight)
    {
        TensorArguments.Floating(weight);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        weight.div_(UnitNorms.Of(weight) + 1e-7);
    }
}
