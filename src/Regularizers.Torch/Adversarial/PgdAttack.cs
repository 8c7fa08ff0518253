using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Adversarial;

/// <summary>
/// Projected gradient descent in the L∞ ball (Madry et al. 2018, "Towards Deep Learning Models Resistant to Adversarial
/// Attacks"): from <c>x⁰ = clip(x + δ)</c> with δ uniform in [−ε, ε] per element (or x⁰ = x without a random start),
/// <c>k</c> steps of <c>xᵗ⁺¹ = clip(Π_ε(xᵗ + a·sign(∇ₓJ(xᵗ, y))), min, max)</c>, where <c>Π_ε</c> clamps each element
/// to [x − ε, x + ε] and a is the step size. One step from x with a = ε is FGSM. The random start draws from the given
/// generator (torch's default when null). How gradients are taken: <see cref="AdversarialAttack"/>.
/// </summary>
public sealed class PgdAttack : AdversarialAttack
{
    private readonly Generator? _generator;

    /// <summary>
    /// Creates the attack: ε ≥ 0, step size a &gt; 0, steps k ≥ 1, whether to start at a random point of the ball; the
    /// valid input range [inputMin, inputMax]; the loss (cross-entropy when null).
    /// </summary>
    public PgdAttack(double epsilon, double stepSize, int steps, bool randomStart = true, double inputMin = 0, double inputMax = 1, Func<Tensor, Tensor, Tensor>? loss = null, Generator? generator = null)
        : base(epsilon, inputMin, inputMax, loss)
    {
        (StepSize, Steps, RandomStart, _generator) = (Guard.Positive(stepSize), Guard.AtLeast(steps, 1), randomStart, generator);
    }

    /// <summary>
    /// Creates the attack with ε following <paramref name="epsilon"/> (an ε warm-up); the other arguments as above. The
    /// step size a stays the number given, as for a fixed ε: while ε(t) &lt; a each step lands on the ball's surface
    /// (<c>Π_ε</c> clamps it), so give the a meant for the final ε (e.g. ε/4 with a few steps).
    /// </summary>
    public PgdAttack(Schedule epsilon, double stepSize, int steps, bool randomStart = true, double inputMin = 0, double inputMax = 1, Func<Tensor, Tensor, Tensor>? loss = null, Generator? generator = null)
        : base(epsilon, inputMin, inputMax, loss)
    {
        (StepSize, Steps, RandomStart, _generator) = (Guard.Positive(stepSize), Guard.AtLeast(steps, 1), randomStart, generator);
    }

    /// <summary>a, the step taken along the gradient's sign.</summary>
    public double StepSize { get; }

    /// <summary>k, the number of steps.</summary>
    public int Steps { get; }

    /// <summary>Whether x⁰ is drawn uniformly in the ball rather than x itself.</summary>
    public bool RandomStart { get; }

    /// <inheritdoc />
    protected override Tensor Craft(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        var (lower, upper) = (x - Epsilon, x + Epsilon);
        var adversarial = RandomStart ? Clip(x + empty_like(x).uniform_(-Epsilon, Epsilon, _generator)) : x;
        for (var step = 0; step < Steps; step++)
        {
            var stepped = adversarial + (StepSize * InputGradient(model, adversarial, y).sign());
            adversarial = Clip(stepped.clamp(lower, upper));
        }
        return adversarial;
    }
}
