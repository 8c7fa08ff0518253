using static TorchSharp.torch;

namespace Regularizers.Torch.Adversarial;

/// <summary>
/// Robust accuracy: the fraction of examples a classifier still gets right after an attack crafts each one against it,
/// <c>(1/N)·Σ [argmax model(x_adv,i) = yᵢ]</c>, measured in eval mode in batches of at most 1024 (the model's flags
/// are restored afterwards). At ε = 0 it is the clean accuracy.
/// </summary>
public static class RobustAccuracy
{
    /// <summary>Accuracy of <paramref name="model"/> on the examples <paramref name="attack"/> crafts from (x, y).</summary>
    public static double Measure(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, AdversarialAttack attack)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(attack);
        using var modes = ModuleModes.Evaluating(model);
        long correct = 0;
        var count = x.shape[0];
        for (long start = 0; start < count; start += 1024)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(1024, count - start);
            var (xb, yb) = (x.narrow(0, start, length), y.narrow(0, start, length));
            var adversarial = attack.Perturb(model, xb, yb);
            using var noGrad = no_grad();
            correct += model.call(adversarial).argmax(1).eq(yb).sum().item<long>();
        }
        return (double)correct / count;
    }

    /// <summary>
    /// Robust accuracy at each ε of <paramref name="epsilons"/>, the attack at ε built by <paramref name="attackAt"/>
    /// (e.g. <c>e =&gt; new PgdAttack(e, e / 4, 10)</c>).
    /// </summary>
    public static IReadOnlyList<double> Curve(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, IReadOnlyList<double> epsilons, Func<double, AdversarialAttack> attackAt)
    {
        ArgumentNullException.ThrowIfNull(epsilons);
        ArgumentNullException.ThrowIfNull(attackAt);
        return epsilons.Select(e => Measure(model, x, y, attackAt(Guard.NonNegative(e, nameof(epsilons))))).ToArray();
    }
}
