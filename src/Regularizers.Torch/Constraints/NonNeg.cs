using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>Non-negativity: <c>w ← max(w, 0)</c> elementwise.</summary>
public sealed class NonNeg : IConstraint
{
    private readonly ParameterTargets _targets;

    /// <summary>Creates the constraint for the weights (or all parameters).</summary>
    public NonNeg(ParameterSelection selection = ParameterSelection.WeightsOnly) => _targets = new ParameterTargets(selection);

    /// <inheritdoc />
    public string Name => "non_neg";

    /// <inheritdoc />
    public void Apply(nn.Module model) => ParameterConstraint.Apply(model, _targets, nameof(NonNeg), w => w.clamp_(min: 0));
}
