using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// Elastic net <c>φ(w) = λ₁·Σ|w| + (λ₂/2)·Σw²</c> on the targeted parameters, gradient <c>λ₁·sign(w) + λ₂·w</c>: the sum of
/// <see cref="L1Penalty"/>(λ₁) and <see cref="L2Penalty"/>(λ₂).
/// </summary>
public sealed class ElasticNetPenalty : IWeightPenalty
{
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
        Targets = targets ?? throw new ArgumentNullException(nameof(targets));
    }

    /// <summary>λ₁.</summary>
    public double L1Strength { get; }

    /// <summary>λ₂.</summary>
    public double L2Strength { get; }

    /// <inheritdoc />
    public ParameterTargets Targets { get; }

    /// <inheritdoc />
    public string Name => "elastic_net";

    /// <summary><c>λ₁·‖w‖₁ + (λ₂/2)·⟨w, w⟩</c>.</summary>
    public double Value(Tensor weight) => (L1Strength * NormMath.L1(TensorArguments.Floating(weight))) + (L2Strength / 2 * NormMath.SquaredL2(weight));

    /// <summary><c>λ₁·sign(w) + λ₂·w</c>.</summary>
    public Tensor Gradient(Tensor weight) => TensorArguments.Floating(weight).sign().mul_(L1Strength).add_(weight, L2Strength);
}
