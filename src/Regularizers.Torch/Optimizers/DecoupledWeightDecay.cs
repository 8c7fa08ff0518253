using static TorchSharp.torch;

namespace Regularizers.Torch.Optimizers;

/// <summary>
/// Decoupled weight decay (Loshchilov and Hutter, AdamW): after each optimizer step, <c>w ← w − lr·λ·w</c> on the targeted
/// parameters, with lr read from the optimizer's first parameter group at that moment.
/// Under plain SGD it is an <see cref="L2Penalty"/> of strength λ to first order: the decay acts on the stepped weights,
/// <c>(w − lr·g)(1 − lr·λ) = w − lr·(g + λ·w) + lr²·λ·g</c>. Under Adam it is not: a penalty's gradient λ·w is
/// divided by Adam's running √v like every other gradient, so weights with large gradients are barely decayed; the
/// decoupled form shrinks every weight by the same factor (1 − lr·λ) whatever its gradient history.
/// </summary>
public sealed class DecoupledWeightDecay : IConstraint
{
    private readonly optim.Optimizer _optimizer;

    /// <summary>Creates the decay for the parameters <paramref name="optimizer"/> steps.</summary>
    /// <param name="strength">λ ≥ 0.</param>
    /// <param name="optimizer">The optimizer whose learning rate scales the decay.</param>
    /// <param name="selection">Weights only (default) or all parameters.</param>
    public DecoupledWeightDecay(double strength, optim.Optimizer optimizer, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        Strength = Guard.NonNegative(strength);
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        Targets = new ParameterTargets(selection);
    }

    /// <summary>λ.</summary>
    public double Strength { get; }

    /// <inheritdoc />
    public string Name => "decoupled_weight_decay";

    /// <inheritdoc />
    public ParameterTargets Targets { get; }

    /// <summary><c>w ← (1 − lr·λ)·w</c>, with lr the optimizer's current learning rate.</summary>
    public void Project(Tensor weight)
    {
        TensorArguments.Floating(weight);
        using var noGrad = no_grad();
        weight.mul_(1 - (_optimizer.ParamGroups.First().LearningRate * Strength));
    }
}
