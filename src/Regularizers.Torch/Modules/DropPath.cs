using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Stochastic depth (Huang et al. 2016, "Deep Networks with Stochastic Depth"), per sample as in timm's
/// <c>DropPath</c>: placed on a residual branch, <c>y = x + DropPath(f(x))</c>, it drops the whole branch of each
/// example with probability p. In training <c>DropPath(h)ₙ = hₙ·mₙ/(1−p)</c> (<see cref="DropoutScaling.Inverted"/>,
/// timm's survival-probability rescaling) or <c>hₙ·mₙ</c> (<see cref="DropoutScaling.Classic"/>), with one
/// <c>mₙ ~ Bernoulli(1−p)</c> per example n shared by all its features; in eval it is <c>h</c> or <c>h·(1−p)</c>.
/// </summary>
public sealed class DropPath : nn.Module<Tensor, Tensor>, IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>Creates the module; p in [0, 1).</summary>
    public DropPath(double p = 0.1, DropoutScaling scaling = DropoutScaling.Inverted) : base(nameof(DropPath))
    {
        this.p = Guard.InRange(p, 0, true, 1, false);
        Scaling = Guard.Defined(scaling);
    }

    /// <summary>Creates the module with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    public DropPath(Schedule p, DropoutScaling scaling = DropoutScaling.Inverted) : base(nameof(DropPath))
    {
        _schedule = p ?? throw new ArgumentNullException(nameof(p));
        Scaling = Guard.Defined(scaling);
        Advance(0, 0);
    }

    /// <summary>The probability of dropping an example's branch.</summary>
    public double p { get; private set; }

    /// <summary>Inverted (default) or classic scaling.</summary>
    public DropoutScaling Scaling { get; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => p = _schedule is null ? p : Guard.InRange(_schedule.At(epoch, step), 0, true, 1, false, nameof(p));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, nameof(p), p);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.drop_path(input, p, training, Scaling);
}
