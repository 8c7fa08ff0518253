using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>Non-negativity: <c>w ← max(w, 0)</c> elementwise.</summary>
public sealed class NonNeg : IConstraint
{
    /// <summary>Creates the constraint for the weights (or all parameters).</summary>
    public NonNeg(ParameterSelection selection = ParameterSelection.WeightsOnly) => Targets = new ParameterTargets(selection);

    /// <inheritdoc />
    public ParameterTargets Targets { get; }

    /// <inheritdoc />
    public string Name => "non_neg";

    /// <inheritdoc />
    public void Project(Tensor weight)
    {
        TensorArguments.Floating(weight);
        using var noGrad = no_grad();
        weight.clamp_(min: 0);
    }
}
