using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Stochastic depth (Huang et al. 2016, "Deep Networks with Stochastic Depth"), per sample as in timm's
/// <c>DropPath</c>: placed on a residual branch, <c>y = x + DropPath(f(x))</c>, it drops the whole branch of each
/// example with probability p. In training <c>DropPath(h)ₙ = hₙ·mₙ/(1−p)</c> (<see cref="DropoutScaling.Inverted"/>,
/// timm's survival-probability rescaling) or <c>hₙ·mₙ</c> (<see cref="DropoutScaling.Classic"/>), with one
/// <c>mₙ ~ Bernoulli(1−p)</c> per example n shared by all its features; in eval it is <c>h</c> or <c>h·(1−p)</c>.
/// </summary>
public sealed class DropPath : DropoutModule
{
    /// <summary>Creates the module; p in [0, 1).</summary>
    public DropPath(double p = 0.1, DropoutScaling scaling = DropoutScaling.Inverted) : base(nameof(DropPath), p) => Scaling = Guard.Defined(scaling);

    /// <summary>Creates the module with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    public DropPath(Schedule p, DropoutScaling scaling = DropoutScaling.Inverted) : base(nameof(DropPath), p) => Scaling = Guard.Defined(scaling);

    /// <summary>Inverted (default) or classic scaling.</summary>
    public DropoutScaling Scaling { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.drop_path(input, p, training, Scaling);
}
