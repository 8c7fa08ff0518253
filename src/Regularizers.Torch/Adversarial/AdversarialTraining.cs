using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Adversarial;

/// <summary>
/// Adversarial training (Goodfellow et al. 2015 §5; Goodfellow, Bengio and Courville §7.13): each batch's objective is
/// <c>α·J(θ, x, y) + (1 − α)·J(θ, x_adv, y)</c> with <c>x_adv</c> crafted by <see cref="Attack"/> against the current
/// model. α = 0.5 is Goodfellow et al.'s mix with FGSM (<see cref="Goodfellow(double, double, double, double)"/>);
/// α = 0 with PGD examples only is Madry et al.'s (<see cref="Madry(double, double, int, double, double, Generator?)"/>).
/// The attack is crafted in eval mode and leaves train/eval flags, BatchNorm statistics
/// and parameter gradients as they were (see <see cref="AdversarialAttack"/>); both forward passes of the objective then
/// run in training mode, so BatchNorm's running statistics see clean and adversarial batches alike. Hand it to the
/// <c>Trainer</c> through <c>TrainerOptions.Adversarial</c>, or call <see cref="Loss"/> in your own loop. An attack whose ε
/// follows a <see cref="Schedule"/> (ε warm-up, a curriculum from clean to full-strength examples) is advanced through
/// this objective: the <c>Trainer</c> does so before each batch and logs ε as <c>AdversarialTraining.epsilon</c>.
/// </summary>
public sealed class AdversarialTraining : IScheduled
{
    /// <summary>The default weight of the clean loss, Goodfellow et al.'s 0.5.</summary>
    public const double DefaultAlpha = 0.5;

    /// <summary>Creates the objective from an attack and α in [0, 1].</summary>
    public AdversarialTraining(AdversarialAttack attack, double alpha = DefaultAlpha)
    {
        Attack = attack ?? throw new ArgumentNullException(nameof(attack));
        Alpha = Guard.InRange(alpha, 0, true, 1, true);
    }

    /// <summary>The attack that crafts each batch's adversarial examples.</summary>
    public AdversarialAttack Attack { get; }

    /// <summary>α, the weight of the clean examples' loss.</summary>
    public double Alpha { get; }

    /// <summary>Goodfellow et al.'s FGSM adversarial training: α·J(x) + (1 − α)·J(x + ε·sign ∇ₓJ).</summary>
    public static AdversarialTraining Goodfellow(double epsilon, double alpha = DefaultAlpha, double inputMin = 0, double inputMax = 1) =>
        new(new FgsmAttack(epsilon, inputMin, inputMax), alpha);

    /// <summary>Madry et al.'s PGD adversarial training: J on k-step PGD examples with a random start only (α = 0).</summary>
    public static AdversarialTraining Madry(double epsilon, double stepSize, int steps, double inputMin = 0, double inputMax = 1, Generator? generator = null) =>
        new(new PgdAttack(epsilon, stepSize, steps, randomStart: true, inputMin, inputMax, generator: generator), alpha: 0);

    /// <summary><see cref="Goodfellow(double, double, double, double)"/> with ε following <paramref name="epsilon"/>, e.g. <c>Schedule.Linear(0, 0.1, 5)</c>.</summary>
    public static AdversarialTraining Goodfellow(Schedule epsilon, double alpha = DefaultAlpha, double inputMin = 0, double inputMax = 1) =>
        new(new FgsmAttack(epsilon, inputMin, inputMax), alpha);

    /// <summary><see cref="Madry(double, double, int, double, double, Generator?)"/> with ε following <paramref name="epsilon"/>; the step size stays fixed (see <see cref="PgdAttack"/>).</summary>
    public static AdversarialTraining Madry(Schedule epsilon, double stepSize, int steps, double inputMin = 0, double inputMax = 1, Generator? generator = null) =>
        new(new PgdAttack(epsilon, stepSize, steps, randomStart: true, inputMin, inputMax, generator: generator), alpha: 0);

    /// <summary>Advances the attack's ε when it follows a schedule.</summary>
    public void Advance(int epoch, long step) => Attack.Advance(epoch, step);

    /// <summary>The attack's scheduled ε (<c>epsilon</c>), or nothing.</summary>
    public IReadOnlyDictionary<string, double> ScheduledValues => Attack.ScheduledValues;

    /// <summary>
    /// The batch objective under <paramref name="loss"/>, and the outputs it was computed on for accuracy: the clean
    /// outputs when α &gt; 0, the adversarial ones when α = 0.
    /// </summary>
    public (Tensor Loss, Tensor Output) Loss(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, Func<Tensor, Tensor, Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        if (Alpha == 1)
        {
            var clean = model.call(x);
            return (loss(clean, y), clean);
        }
        using var adversarial = Attack.Perturb(model, x, y);
        var attacked = model.call(adversarial);
        if (Alpha == 0)
        {
            return (loss(attacked, y), attacked);
        }
        var output = model.call(x);
        return ((Alpha * loss(output, y)) + ((1 - Alpha) * loss(attacked, y)), output);
    }
}
