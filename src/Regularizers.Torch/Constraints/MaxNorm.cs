using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch;

/// <summary>
/// Max-norm (Srivastava et al. 2014): after each step, every output unit's incoming weight vector (a row of a Linear
/// weight <c>[out, in]</c>, one output channel of a convolution weight) with L2 norm above c is rescaled to norm c:
/// <c>w ← w · c / (‖w‖ + 1e-7)</c> when <c>‖w‖ &gt; c</c>; others are untouched. Exactly <c>torch.renorm(w, 2, 0, c)</c>.
/// </summary>
public sealed class MaxNorm : IConstraint
{
    private readonly ParameterTargets _targets;

    /// <summary>Creates the constraint.</summary>
    /// <param name="maxValue">c &gt; 0.</param>
    /// <param name="selection">Weights only (default) or all parameters.</param>
    public MaxNorm(double maxValue, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        MaxValue = Guard.Positive(maxValue);
        _targets = new ParameterTargets(selection);
    }

    /// <summary>c.</summary>
    public double MaxValue { get; }

    /// <inheritdoc />
    public string Name => "max_norm";

    /// <inheritdoc />
    public void Apply(nn.Module model) => ParameterConstraint.Apply(model, _targets, nameof(MaxNorm), Project);

    /// <summary>
    /// renorm leaves a unit whose norm is at most c untouched, so when every unit's norm is below <c>c·(1 − 10⁻⁵)</c>
    /// (a margin far above the float rounding of the norms) the weight is left as it is after one read; otherwise it
    /// becomes <c>renorm(w, 2, 0, c)</c>.
    /// </summary>
    private void Project(Tensor w)
    {
        using var largest = ParameterConstraint.UnitNorms(w).max();
        if (largest.ToDouble() < MaxValue * (1 - 1e-5))
        {
            return;
        }
        w.copy_(w.renorm(2, 0, (float)MaxValue));
    }
}
