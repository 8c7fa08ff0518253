using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Adversarial;

/// <summary>
/// The fast gradient sign method (Goodfellow, Shlens and Szegedy 2015, "Explaining and Harnessing Adversarial
/// Examples"; seed 004 §5): <c>x_adv = clip(x + ε·sign(∇ₓJ(x, y)), min, max)</c>, one gradient per batch, sign(0) = 0.
/// How the gradient is taken without disturbing the model: <see cref="AdversarialAttack"/>.
/// </summary>
public sealed class FgsmAttack : AdversarialAttack
{
    /// <summary>Creates the attack: ε ≥ 0; the valid input range [inputMin, inputMax]; the loss (cross-entropy when null).</summary>
    public FgsmAttack(double epsilon, double inputMin = 0, double inputMax = 1, Func<Tensor, Tensor, Tensor>? loss = null)
        : base(epsilon, inputMin, inputMax, loss)
    {
    }

    /// <summary>Creates the attack with ε following <paramref name="epsilon"/> (an ε warm-up); the other arguments as above.</summary>
    public FgsmAttack(Schedule epsilon, double inputMin = 0, double inputMax = 1, Func<Tensor, Tensor, Tensor>? loss = null)
        : base(epsilon, inputMin, inputMax, loss)
    {
    }

    /// <inheritdoc />
    protected override Tensor Craft(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y) =>
        Clip(x + (Epsilon * InputGradient(model, x, y).sign()));
}
