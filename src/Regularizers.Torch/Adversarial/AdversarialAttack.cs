using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Adversarial;

/// <summary>
/// An L∞ attack on a classifier: <see cref="Perturb"/> returns <c>x_adv</c> with <c>‖x_adv − x‖∞ ≤ ε</c> and every
/// element in the valid input range [<see cref="InputMin"/>, <see cref="InputMax"/>]. Gradients are taken with the model
/// in eval mode (dropout off, BatchNorm on its running statistics, which are not updated), then every submodule's
/// train/eval flag is restored; only the input's gradient is computed (<c>autograd.grad</c>), so the parameters'
/// <c>.grad</c> are left as they were. Works under <c>no_grad</c>, so it can run inside an evaluation. ε may follow a
/// <see cref="Schedule"/> — a warm-up curriculum such as <c>Schedule.Linear(0, 0.1, 5)</c>, which starts from clean
/// examples (ε = 0 leaves x as it is) — advanced by the <c>Trainer</c> (through <c>AdversarialTraining</c>) or by
/// <c>ScheduledStrengths.Advance</c>.
/// </summary>
public abstract class AdversarialAttack : IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>Validates and stores what every attack shares.</summary>
    protected AdversarialAttack(double epsilon, double inputMin, double inputMax, Func<Tensor, Tensor, Tensor>? loss)
    {
        Epsilon = Guard.NonNegative(epsilon);
        (InputMin, InputMax) = Guard.Range((inputMin, inputMax), double.MinValue, double.MaxValue, "inputRange");
        Loss = loss ?? ((output, target) => nn.functional.cross_entropy(output, target));
    }

    /// <summary>Validates and stores what every attack shares, with ε following <paramref name="epsilon"/> (its value at epoch 0, step 0 until advanced).</summary>
    protected AdversarialAttack(Schedule epsilon, double inputMin, double inputMax, Func<Tensor, Tensor, Tensor>? loss)
        : this(0, inputMin, inputMax, loss)
    {
        _schedule = epsilon ?? throw new ArgumentNullException(nameof(epsilon));
        Advance(0, 0);
    }

    /// <summary>ε, the L∞ radius now in force.</summary>
    public double Epsilon { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => Epsilon = _schedule is null ? Epsilon : Guard.NonNegative(_schedule.At(epoch, step), nameof(Epsilon));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, "epsilon", Epsilon);

    /// <summary>The smallest valid input value (0 for pixels scaled to [0, 1]).</summary>
    public double InputMin { get; }

    /// <summary>The largest valid input value.</summary>
    public double InputMax { get; }

    /// <summary>The loss J(model(x), y) the attack ascends; cross-entropy of logits against class indices by default.</summary>
    public Func<Tensor, Tensor, Tensor> Loss { get; }

    /// <summary>The adversarial batch for inputs <paramref name="x"/> and targets <paramref name="y"/>, detached.</summary>
    public Tensor Perturb(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        using var modes = ModuleModes.Evaluating(model);
        using var enabled = enable_grad();
        using var scope = NewDisposeScope();
        return Craft(model, x.detach(), y).detach().MoveToOuterDisposeScope();
    }

    /// <summary>The attack proper; called in eval mode with gradients enabled, inside a dispose scope.</summary>
    protected abstract Tensor Craft(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y);

    /// <summary><c>∇ₓJ(model(x), y)</c>, the input's gradient only.</summary>
    protected Tensor InputGradient(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        var input = x.detach().requires_grad_();
        using var loss = Loss(model.call(input), y);
        return autograd.grad([loss], [input])[0];
    }

    /// <summary>Clips to the valid input range.</summary>
    protected Tensor Clip(Tensor x) => x.clamp(InputMin, InputMax);
}
