using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>
/// Decoupled weight decay (Loshchilov and Hutter, AdamW): after each optimizer step, <c>w ← w − lr·λ·w</c> on the targeted
/// parameters, with lr read from the optimizer's first parameter group at that moment.
/// Under plain SGD this equals an <see cref="L2Penalty"/> of strength λ. Under Adam it does not: a penalty's gradient λ·w is
/// divided by Adam's running √v like every other gradient, so weights with large gradients are barely decayed; the
/// decoupled form shrinks every weight by the same factor (1 − lr·λ) whatever its gradient history.
/// </summary>
public sealed class DecoupledWeightDecay : IConstraint
{
    private readonly optim.Optimizer _optimizer;
    private readonly ParameterTargets _targets;

    /// <summary>Creates the decay for the parameters <paramref name="optimizer"/> steps.</summary>
    /// <param name="strength">λ ≥ 0.</param>
    /// <param name="optimizer">The optimizer whose learning rate scales the decay.</param>
    /// <param name="selection">Weights only (default) or all parameters.</param>
    public DecoupledWeightDecay(double strength, optim.Optimizer optimizer, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        Strength = Guard.NonNegative(strength);
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _targets = new ParameterTargets(selection);
    }

    /// <summary>λ.</summary>
    public double Strength { get; }

    /// <inheritdoc />
    public string Name => "decoupled_weight_decay";

    /// <inheritdoc />
    public void Apply(nn.Module model)
    {
        var factor = 1 - _optimizer.ParamGroups.First().LearningRate * Strength;
        ParameterConstraint.Apply(model, _targets, nameof(DecoupledWeightDecay), w => w.mul_(factor));
    }
}
