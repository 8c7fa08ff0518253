using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// L1 penalty <c>φ(w) = λ·Σ|w|</c> on the targeted parameters (weights only by default); its subgradient is
/// <c>λ·sign(w)</c>, 0 at 0 (autograd's choice for |·|). Drives weights to exactly zero: a sparse model.
/// </summary>
public sealed class L1Penalty : IWeightPenalty, IScheduled
{
    private readonly Schedule? _schedule;

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
        Targets = targets ?? throw new ArgumentNullException(nameof(targets));
    }

    /// <summary>Creates the penalty with λ following <paramref name="strength"/> (its value at epoch 0, step 0 until advanced).</summary>
    public L1Penalty(Schedule strength, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        _schedule = strength ?? throw new ArgumentNullException(nameof(strength));
        Targets = new ParameterTargets(selection);
        Advance(0, 0);
    }

    /// <summary>λ.</summary>
    public double Strength { get; private set; }

    /// <inheritdoc />
    public ParameterTargets Targets { get; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => Strength = _schedule is null ? Strength : Guard.NonNegative(_schedule.At(epoch, step), nameof(Strength));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, "strength", Strength);

    /// <inheritdoc />
    public string Name => "l1";

    /// <summary><c>λ·‖w‖₁</c>.</summary>
    public double Value(Tensor weight) => Strength * NormMath.L1(TensorArguments.Floating(weight));

    /// <summary><c>λ·sign(w)</c>.</summary>
    public Tensor Gradient(Tensor weight) => TensorArguments.Floating(weight).sign().mul_(Strength);
}
