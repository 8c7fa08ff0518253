using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>Unit norm: every output unit's incoming weight vector is rescaled to L2 norm 1, <c>w ← w / (‖w‖ + 1e-7)</c> (Keras' UnitNorm on axis 0 of ours).</summary>
public sealed class UnitNorm : IConstraint
{
    private readonly ParameterTargets _targets;

    /// <summary>Creates the constraint for the weights (or all parameters).</summary>
    public UnitNorm(ParameterSelection selection = ParameterSelection.WeightsOnly) => _targets = new ParameterTargets(selection);

    /// <inheritdoc />
    public string Name => "unit_norm";

    /// <inheritdoc />
    public void Apply(nn.Module model) =>
        ParameterConstraint.Apply(model, _targets, nameof(UnitNorm), w => w.div_(ParameterConstraint.UnitNorms(w) + 1e-7));
}
