using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Noise on the weights (Goodfellow et al. §7.5; Graves 2011): in training the wrapped Linear or Conv2d layer runs with
/// <c>W + ε</c>, <c>ε ~ N(0, σ²)</c> drawn afresh for each forward pass, so the gradient is taken at the perturbed weights and
/// applied to W — for small σ this approximates a penalty on the gradient's norm, favouring flat minima. Eval uses W.
/// </summary>
public sealed class WeightNoise : nn.Module<Tensor, Tensor>, IScheduled
{
    private readonly nn.Module<Tensor, Tensor> layer;
    private readonly Schedule? _schedule;

    /// <summary>Wraps <paramref name="layer"/> (a Linear or Conv2d); σ ≥ 0.</summary>
    /// <exception cref="ArgumentException">The layer is neither Linear nor Conv2d.</exception>
    public WeightNoise(nn.Module<Tensor, Tensor> layer, double stddev) : base(nameof(WeightNoise))
    {
        this.layer = Wrappable(layer);
        this.stddev = Guard.NonNegative(stddev);
        RegisterComponents();
    }

    /// <summary>Wraps <paramref name="layer"/> (a Linear or Conv2d) with σ following <paramref name="stddev"/> (its value at epoch 0, step 0 until advanced).</summary>
    /// <exception cref="ArgumentException">The layer is neither Linear nor Conv2d.</exception>
    public WeightNoise(nn.Module<Tensor, Tensor> layer, Schedule stddev) : base(nameof(WeightNoise))
    {
        this.layer = Wrappable(layer);
        _schedule = stddev ?? throw new ArgumentNullException(nameof(stddev));
        Advance(0, 0);
        RegisterComponents();
    }

    /// <summary>σ.</summary>
    public double stddev { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => stddev = _schedule is null ? stddev : Guard.NonNegative(_schedule.At(epoch, step), nameof(stddev));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, nameof(stddev), stddev);

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || stddev == 0)
        {
            return layer.call(input);
        }
        using var scope = NewDisposeScope();
        var result = layer switch
        {
            Linear l => nn.functional.linear(input, l.weight + GaussianSample.Like(l.weight, 0, stddev, null), l.bias),
            Conv2d c => nn.functional.conv2d(input, c.weight + GaussianSample.Like(c.weight, 0, stddev, null), c.bias, c.stride, c.padding, c.dilation, c.groups),
            _ => throw new InvalidOperationException("unreachable: the constructor accepts Linear and Conv2d only"),
        };
        return result.MoveToOuterDisposeScope();
    }

    private static nn.Module<Tensor, Tensor> Wrappable(nn.Module<Tensor, Tensor> layer) => layer is Linear or Conv2d ? layer
        : throw new ArgumentException($"layer must be a Linear or Conv2d module. Received: layer={layer?.GetType().Name ?? "null"}.", nameof(layer));
}
