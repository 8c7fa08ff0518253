using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// L1 penalty <c>λ·Σ|w|</c> over the targeted parameters (weights only by default); its subgradient is <c>λ·sign(w)</c>,
/// 0 at 0 (autograd's choice for |·|). Drives weights to exactly zero: a sparse model.
/// </summary>
public sealed class L1Penalty : IGradientPenalty
{
    private readonly NormPenalty _penalty;

    /// <summary>Creates the penalty.</summary>
    /// <param name="strength">λ ≥ 0.</param>
    /// <param name="selection">Weights only (default) or all parameters.</param>
    public L1Penalty(double strength, ParameterSelection selection = ParameterSelection.WeightsOnly)
        : this(strength, new ParameterTargets(selection))
    {
    }

    /// <summary>Creates the penalty for named parameters or sub-modules.</summary>
    public L1Penalty(double strength, ParameterTargets targets)
    {
        Strength = Guard.NonNegative(strength);
        _penalty = new NormPenalty(targets, nameof(L1Penalty), Strength, 0);
    }

    /// <summary>λ.</summary>
    public double Strength { get; }

    /// <inheritdoc />
    public string Name => "l1";

    /// <inheritdoc />
    public Tensor Compute(nn.Module model) => _penalty.Compute(model);

    /// <inheritdoc />
    public Tensor Value(nn.Module model) => _penalty.Value(model);

    /// <summary>Adds <c>λ·sign(w)</c> to each targeted parameter's <c>.grad</c>.</summary>
    public void AddGradient(nn.Module model) => _penalty.AddGradient(model);
}
