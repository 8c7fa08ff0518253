using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// Elastic net <c>φ(w) = λ₁·Σ|w| + (λ₂/2)·Σw²</c> on the targeted parameters, gradient <c>λ₁·sign(w) + λ₂·w</c>: the sum of
/// <see cref="L1Penalty"/>(λ₁) and <see cref="L2Penalty"/>(λ₂).
/// </summary>
public sealed class ElasticNetPenalty : IWeightPenalty, IScheduled
{
    private readonly (Schedule L1, Schedule L2)? _schedules;

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

    /// <summary>
    /// Creates the penalty with λ₁ following <paramref name="l1Strength"/> and λ₂ following <paramref name="l2Strength"/>
    /// (their values at epoch 0, step 0 until advanced); a plain number stands for a constant schedule, and both are
    /// reported as <c>l1_strength</c> and <c>l2_strength</c>.
    /// </summary>
    public ElasticNetPenalty(Schedule l1Strength, Schedule l2Strength, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        _schedules = (l1Strength ?? throw new ArgumentNullException(nameof(l1Strength)), l2Strength ?? throw new ArgumentNullException(nameof(l2Strength)));
        Targets = new ParameterTargets(selection);
        Advance(0, 0);
    }

    /// <summary>λ₁.</summary>
    public double L1Strength { get; private set; }

    /// <summary>λ₂.</summary>
    public double L2Strength { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step)
    {
        if (_schedules is not { } schedules)
        {
            return;
        }
        L1Strength = Guard.NonNegative(schedules.L1.At(epoch, step), nameof(L1Strength));
        L2Strength = Guard.NonNegative(schedules.L2.At(epoch, step), nameof(L2Strength));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues =>
        _schedules is null ? ScheduledStrengths.None : new Dictionary<string, double> { ["l1_strength"] = L1Strength, ["l2_strength"] = L2Strength };

    /// <inheritdoc />
    public ParameterTargets Targets { get; }

    /// <inheritdoc />
    public string Name => "elastic_net";

    /// <summary><c>λ₁·‖w‖₁ + (λ₂/2)·⟨w, w⟩</c>.</summary>
    public double Value(Tensor weight) => (L1Strength * NormMath.L1(TensorArguments.Floating(weight))) + (L2Strength / 2 * NormMath.SquaredL2(weight));

    /// <summary><c>λ₁·sign(w) + λ₂·w</c>.</summary>
    public Tensor Gradient(Tensor weight) => TensorArguments.Floating(weight).sign().mul_(L1Strength).add_(weight, L2Strength);
}
