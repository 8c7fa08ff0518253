using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// L2 penalty <c>φ(w) = (λ/2)·Σw²</c> on the targeted parameters (weights only by default); its gradient is <c>λ·w</c>,
/// so under plain SGD it equals <c>weight_decay = λ</c>. Keras' <c>L2(l2)</c> is <c>l2·Σw²</c> without the ½: Keras
/// l2 = λ/2.
/// </summary>
public sealed class L2Penalty : IWeightPenalty, IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>Creates the penalty.</summary>
    /// <param name="strength">λ ≥ 0.</param>
    /// <param name="selection">Weights only (default) or all parameters.</param>
    public L2Penalty(double strength, ParameterSelection selection = ParameterSelection.WeightsOnly)
        : this(strength, new ParameterTargets(selection))
    {
    }

    /// <summary>Creates the penalty for named parameters or sub-modules.</summary>
    public L2Penalty(double strength, ParameterTargets targets)
    {
        Strength = Guard.NonNegative(strength);
        Targets = targets ?? throw new ArgumentNullException(nameof(targets));
    }

    /// <summary>Creates the penalty with λ following <paramref name="strength"/> (its value at epoch 0, step 0 until advanced).</summary>
    public L2Penalty(Schedule strength, ParameterSelection selection = ParameterSelection.WeightsOnly)
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
    public string Name => "l2";

    /// <summary><c>(λ/2)·⟨w, w⟩</c>.</summary>
    public double Value(Tensor weight) => Strength / 2 * NormMath.SquaredL2(TensorArguments.Floating(weight));

    /// <summary><c>λ·w</c>.</summary>
    public Tensor Gradient(Tensor weight) => TensorArguments.Floating(weight).mul(Strength);
}
