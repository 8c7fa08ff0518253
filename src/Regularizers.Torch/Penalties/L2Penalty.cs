using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// L2 penalty <c>(λ/2)·Σw²</c> over the targeted parameters (weights only by default); its gradient is <c>λ·w</c>, so under
/// plain SGD it equals <c>weight_decay = λ</c>. Keras' <c>L2(l2)</c> is <c>l2·Σw²</c> without the ½: Keras l2 = λ/2.
/// </summary>
public sealed class L2Penalty : IGradientPenalty
{
    private readonly NormPenalty _penalty;

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
        _penalty = new NormPenalty(targets, nameof(L2Penalty), 0, Strength);
    }

    /// <summary>λ.</summary>
    public double Strength { get; }

    /// <inheritdoc />
    public string Name => "l2";

    /// <inheritdoc />
    public Tensor Compute(nn.Module model) => _penalty.Compute(model);

    /// <inheritdoc />
    public Tensor Value(nn.Module model) => _penalty.Value(model);

    /// <summary>Adds <c>λ·w</c> to each targeted parameter's <c>.grad</c> — exactly what SGD's <c>weight_decay = λ</c> does.</summary>
    public void AddGradient(nn.Module model) => _penalty.AddGradient(model);
}
