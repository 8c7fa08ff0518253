using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Noise on the weights (Goodfellow et al. §7.5; Graves 2011): in training the wrapped Linear or Conv2d layer runs with
/// <c>W + ε</c>, <c>ε ~ N(0, σ²)</c> drawn afresh for each forward pass, so the gradient is taken at the perturbed weights and
/// applied to W — for small σ this approximates a penalty on the gradient's norm, favouring flat minima. Eval uses W.
/// </summary>
public sealed class WeightNoise : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layer;

    /// <summary>Wraps <paramref name="layer"/> (a Linear or Conv2d); σ ≥ 0.</summary>
    /// <exception cref="ArgumentException">The layer is neither Linear nor Conv2d.</exception>
    public WeightNoise(nn.Module<Tensor, Tensor> layer, double stddev) : base(nameof(WeightNoise))
    {
        this.layer = layer is Linear or Conv2d ? layer
            : throw new ArgumentException($"layer must be a Linear or Conv2d module. Received: layer={layer?.GetType().Name ?? "null"}.", nameof(layer));
        this.stddev = Guard.NonNegative(stddev);
        RegisterComponents();
    }

    /// <summary>σ.</summary>
    public double stddev { get; }

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
}
