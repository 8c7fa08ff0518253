using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>
/// Min-max norm (Keras): each output unit's incoming weight vector is moved towards the norm band [min, max]:
/// <c>desired = rate·clip(‖w‖, min, max) + (1 − rate)·‖w‖</c>, <c>w ← w · desired / (1e-7 + ‖w‖)</c>.
/// rate = 1 enforces the band strictly; smaller rates move part of the way each step.
/// </summary>
public sealed class MinMaxNorm : IConstraint
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="min">Lower norm bound, 0 ≤ min ≤ max.</param>
    /// <param name="max">Upper norm bound, finite.</param>
    /// <param name="rate">Fraction of the way to move each step, in [0, 1].</param>
    /// <param name="selection">Weights only (default) or all parameters.</param>
    public MinMaxNorm(double min, double max, double rate = 1, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        Min = Guard.NonNegative(min);
        Max = Guard.InRange(max, min, true, double.MaxValue, true);
        Rate = Guard.InRange(rate, 0, true, 1, true);
        Targets = new ParameterTargets(selection);
    }

    /// <summary>Lower norm bound.</summary>
    public double Min { get; }

    /// <summary>Upper norm bound.</summary>
    public double Max { get; }

    /// <summary>Fraction of the way to the band moved per step.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public ParameterTargets Targets { get; }

    /// <inheritdoc />
    public string Name => "min_max_norm";

    /// <inheritdoc />
    public void Project(Tensor weight)
    {
        TensorArguments.Floating(weight);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var norms = UnitNorms.Of(weight);
        var clipped = norms.clamp(Min, Max);
        // At rate 1 the blend is the clipped norm exactly (x·1 + n·0 = x), in three ops fewer.
        var desired = Rate == 1 ? clipped : clipped * Rate + norms * (1 - Rate);
        weight.mul_(desired / (norms + 1e-7));
    }
}
