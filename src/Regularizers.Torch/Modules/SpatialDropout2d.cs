using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Spatial (channel) dropout (Tompson et al. 2015; Keras' <c>SpatialDropout2D</c>): on a feature map [N, C, H, W], each
/// channel of each example is dropped whole with probability p, since neighbouring pixels of a channel are too
/// correlated for elementwise dropout to regularise. Training runs TorchSharp's <c>nn.functional.dropout2d</c>, which is
/// <c>x·mₙ,c/(1−p)</c> with <c>mₙ,c ~ Bernoulli(1−p)</c>; <see cref="DropoutScaling.Classic"/> multiplies that by (1−p),
/// giving <c>x·mₙ,c</c> (up to one float rounding). Eval is <c>x</c> (inverted) or <c>x·(1−p)</c> (classic). The mask
/// comes from torch's default generator, so <c>manual_seed</c> repeats it.
/// </summary>
public sealed class SpatialDropout2d : DropoutModule
{
    /// <summary>Creates the module; p in [0, 1).</summary>
    public SpatialDropout2d(double p = 0.5, DropoutScaling scaling = DropoutScaling.Inverted) : base(nameof(SpatialDropout2d), p) => Scaling = Guard.Defined(scaling);

    /// <summary>Creates the module with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    public SpatialDropout2d(Schedule p, DropoutScaling scaling = DropoutScaling.Inverted) : base(nameof(SpatialDropout2d), p) => Scaling = Guard.Defined(scaling);

    /// <summary>Inverted (default) or classic scaling.</summary>
    public DropoutScaling Scaling { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.spatial_dropout2d(input, p, training, Scaling);
}
