using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>
/// Max-norm (Srivastava et al. 2014): after each step, every output unit's incoming weight vector (a row of a Linear
/// weight <c>[out, in]</c>, one output channel of a convolution weight) with L2 norm above c is rescaled to norm c:
/// <c>w ← w · c / (‖w‖ + 1e-7)</c> when <c>‖w‖ &gt; c</c>; others are untouched. Exactly <c>torch.renorm(w, 2, 0, c)</c>.
/// </summary>
public sealed class MaxNorm : IConstraint, IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>Creates the constraint.</summary>
    /// <param name="maxValue">c &gt; 0.</param>
    /// <param name="selection">Weights only (default) or all parameters.</param>
    public MaxNorm(double maxValue, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        MaxValue = Guard.Positive(maxValue);
        Targets = new ParameterTargets(selection);
    }

    /// <summary>Creates the constraint with c following <paramref name="maxValue"/> (its value at epoch 0, step 0 until advanced).</summary>
    public MaxNorm(Schedule maxValue, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        _schedule = maxValue ?? throw new ArgumentNullException(nameof(maxValue));
        Targets = new ParameterTargets(selection);
        Advance(0, 0);
    }

    /// <summary>c.</summary>
    public double MaxValue { get; private set; }

    /// <inheritdoc />
    public ParameterTargets Targets { get; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => MaxValue = _schedule is null ? MaxValue : Guard.Positive(_schedule.At(epoch, step), nameof(MaxValue));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, "max_value", MaxValue);

    /// <inheritdoc />
    public string Name => "max_norm";

    /// <summary>
    /// renorm's own steps (<c>linalg.vector_norm</c> over all dimensions but 0, the factor
    /// <c>c / (‖w‖ + 1e-7)</c> where <c>‖w‖ &gt; c</c> and 1 elsewhere, then <c>w · factor</c>), applied in place. When
    /// no unit is above c every factor is 1, so the weight is left as it is after one read: 0.63× libtorch 2.10's
    /// <c>renorm</c> then, 1.17× when every unit is above c (eng/bench <c>choices</c>).
    /// </summary>
    public void Project(Tensor weight)
    {
        // c in double: a float64 weight is bounded by c itself, a float32 one by c rounded to float32, as renorm does.
        var c = MaxValue;
        TensorArguments.Floating(weight);
        using var noGrad = no_grad();
        if (weight.dim() < 2)
        {
            // renorm itself reports that it needs at least two dimensions.
            weight.copy_(weight.renorm(2, 0, (float)c));
            return;
        }
        var dims = Enumerable.Range(1, (int)weight.dim() - 1).Select(d => (long)d).ToArray();
        using var norms = linalg.vector_norm(weight, 2, dims, keepdim: true);
        using var above = norms.gt(c);
        using var any = above.any();
        if (!any.item<bool>())
        {
            return;
        }
        using var shifted = norms + 1e-7;
        // A tensor numerator: Scalar / Tensor is reciprocal-then-multiply in TorchSharp, one rounding more than renorm.
        using var limit = full_like(norms, c);
        using var shrink = limit / shifted;
        using var one = ones_like(norms);
        using var factor = where(above, shrink, one);
        weight.mul_(factor);
    }
}
