using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>Elastic net <c>λ₁·Σ|w| + (λ₂/2)·Σw²</c> (gradient <c>λ₁·sign(w) + λ₂·w</c>) over the targeted parameters.</summary>
public sealed class ElasticNetPenalty : IGradientPenalty
{
    private readonly NormPenalty _penalty;

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
        _penalty = new NormPenalty(targets, nameof(ElasticNetPenalty), L1Strength, L2Strength);
    }

    /// <summary>λ₁.</summary>
    public double L1Strength { get; }

    /// <summary>λ₂.</summary>
    public double L2Strength { get; }

    /// <inheritdoc />
    public string Name => "elastic_net";

    /// <inheritdoc />
    public Tensor Compute(nn.Module model) => _penalty.Compute(model);

    /// <inheritdoc />
    public Tensor Value(nn.Module model) => _penalty.Value(model);

    /// <summary>Adds <c>λ₁·sign(w) + λ₂·w</c> to each targeted parameter's <c>.grad</c>.</summary>
    public void AddGradient(nn.Module model) => _penalty.AddGradient(model);
}
