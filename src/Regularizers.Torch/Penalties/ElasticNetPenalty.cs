using static TorchSharp.torch;

namespace Regularizers.Torch;

/// <summary>Elastic net <c>λ₁·Σ|w| + (λ₂/2)·Σw²</c> (gradient <c>λ₁·sign(w) + λ₂·w</c>) over the targeted parameters.</summary>
public sealed class ElasticNetPenalty : IGradientPenalty
{
    private readonly ParameterTargets _targets;

    /// <summary>Creates the penalty.</summary>
    /// <param name="l1Strength">λ₁ ≥ 0.</param>
    /// <param name="l2Strength">λ₂ ≥ 0.</param>
    /// <param name="selection">Weights only (default) or all parameters.</param>
    public ElasticNetPenalty(double l1Strength, double l2Strength, ParameterSelection selection = ParameterSelection.WeightsOnly)
        : this(l1Strength, l2Strength, new ParameterTargets(selection))
    {
    }

    /// <summary>Creates the penalty for named parameters or sub-modules.</summary>
    public ElasticNetPenalty(double l1Strength, double l2Strength, ParameterTargets targets)
    {
        L1Strength = Guard.NonNegative(l1Strength);
        L2Strength = Guard.NonNegative(l2Strength);
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
    }

    /// <summary>λ₁.</summary>
    public double L1Strength { get; }

    /// <summary>λ₂.</summary>
    public double L2Strength { get; }

    /// <inheritdoc />
    public string Name => "elastic_net";

    /// <inheritdoc />
    public Tensor Compute(nn.Module model) =>
        PenaltySum.Over(_targets.Select(model, nameof(ElasticNetPenalty)), 1.0, Term);

    /// <inheritdoc />
    public Tensor Value(nn.Module model) => PenaltySum.Value(_targets.Select(model, nameof(ElasticNetPenalty)), 1.0, Term);

    /// <summary>Adds <c>λ₁·sign(w) + λ₂·w</c> to each targeted parameter's <c>.grad</c>.</summary>
    public void AddGradient(nn.Module model) =>
        PenaltySum.AddGradient(_targets.Select(model, nameof(ElasticNetPenalty)), (grad, w) => grad.add_(w.sign(), L1Strength).add_(w, L2Strength));

    private Tensor Term(Tensor w) => (PenaltySum.SumAbs(w) * L1Strength) + (PenaltySum.SumSquares(w) * (L2Strength / 2));
}
