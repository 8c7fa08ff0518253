using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>The stateless forms of the regularizing modules, in torch spelling. p is always the drop probability.</summary>
public static class RegularizerFunctional
{
    /// <summary>
    /// Inverted dropout: training <c>x·m/(1−p)</c> with <c>m ~ Bernoulli(1−p)</c>; otherwise identity — the distribution of
    /// <c>nn.functional.dropout</c>. How the mask is drawn: <see cref="BernoulliMask"/>.
    /// </summary>
    public static Tensor inverted_dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null)
    {
        TensorArguments.Floating(input);
        Guard.InRange(p, 0, true, 1, false);
        if (!training || p == 0)
        {
            return input.alias();
        }
        using var mask = BernoulliMask.Like(input, p, 1 / (1 - p), generator);
        return input * mask;
    }

    /// <summary>Classic dropout: training <c>x·m</c> with <c>m ~ Bernoulli(1−p)</c> (no rescaling); otherwise <c>x·(1−p)</c>, the weight-scaling inference rule.</summary>
    public static Tensor classic_dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null)
    {
        TensorArguments.Floating(input);
        Guard.InRange(p, 0, true, 1, false);
        if (!training)
        {
            return input * (1 - p);
        }
        using var mask = BernoulliMask.Like(input, p, 1, generator);
        return input * mask;
    }

    /// <summary>Gaussian dropout (Srivastava et al. 2014, §10): training <c>x·n</c> with <c>n ~ N(1, p/(1−p))</c>, the same mean and variance as inverted dropout's multiplier; otherwise identity.</summary>
    public static Tensor gaussian_dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null)
    {
        TensorArguments.Floating(input);
        Guard.InRange(p, 0, true, 1, false);
        if (!training || p == 0)
        {
            return input.alias();
        }
        using var noise = GaussianSample.Like(input, 1, Math.Sqrt(p / (1 - p)), generator);
        return input * noise;
    }

    /// <summary>Additive Gaussian noise: training <c>x + ε</c> with <c>ε ~ N(0, σ²)</c>; otherwise identity.</summary>
    public static Tensor gaussian_noise(Tensor input, double stddev, bool training = true, Generator? generator = null)
    {
        TensorArguments.Floating(input);
        Guard.NonNegative(stddev);
        if (!training || stddev == 0)
        {
            return input.alias();
        }
        using var noise = GaussianSample.Like(input, 0, stddev, generator);
        return input + noise;
    }

    /// <summary>DropConnect (Wan et al. 2013): training <c>x·(W⊙M)ᵀ + b</c> with <c>M ~ Bernoulli(1−p)</c> per weight; otherwise the expected weights <c>x·((1−p)W)ᵀ + b</c>.</summary>
    public static Tensor drop_connect_linear(Tensor input, Tensor weight, Tensor? bias, double p = 0.5, bool training = true, Generator? generator = null)
    {
        TensorArguments.Floating(input);
        TensorArguments.Floating(weight);
        Guard.InRange(p, 0, true, 1, false);
        using var scope = NewDisposeScope();
        var effective = training ? weight * BernoulliMask.Like(weight, p, 1, generator) : weight * (1 - p);
        return nn.functional.linear(input, effective, bias).MoveToOuterDisposeScope();
    }
    /// <summary>
    /// Stochastic depth per sample (see <see cref="DropPath"/>): training <c>xₙ·mₙ/(1−p)</c> (inverted) or <c>xₙ·mₙ</c>
    /// (classic) with one <c>mₙ ~ Bernoulli(1−p)</c> per example (dimension 0); otherwise <c>x</c> or <c>x·(1−p)</c>.
    /// </summary>
    public static Tensor drop_path(Tensor input, double p = 0.1, bool training = true, DropoutScaling scaling = DropoutScaling.Inverted, Generator? generator = null)
    {
        Guard.InRange(p, 0, true, 1, false);
        Guard.Defined(scaling);
        if (!training)
        {
            return scaling == DropoutScaling.Inverted ? input.alias() : input * (1 - p);
        }
        if (p == 0)
        {
            return input.alias();
        }
        var shape = new long[input.dim()];
        Array.Fill(shape, 1L);
        shape[0] = input.shape[0];
        using var like = empty(shape, input.dtype, input.device);
        using var mask = BernoulliMask.Like(like, p, scaling == DropoutScaling.Inverted ? 1 / (1 - p) : 1, generator);
        return input * mask;
    }

    /// <summary>
    /// Channel dropout of a [N, C, H, W] feature map through <c>nn.functional.dropout2d</c> (see <see cref="SpatialDropout2d"/>):
    /// training <c>x·mₙ,c/(1−p)</c> (inverted) or that times (1−p) (classic); otherwise <c>x</c> or <c>x·(1−p)</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not 4-dimensional.</exception>
    public static Tensor spatial_dropout2d(Tensor input, double p = 0.5, bool training = true, DropoutScaling scaling = DropoutScaling.Inverted)
    {
        Guard.InRange(p, 0, true, 1, false);
        Guard.Defined(scaling);
        FeatureMap(input, nameof(spatial_dropout2d));
        if (!training)
        {
            return scaling == DropoutScaling.Inverted ? input.alias() : input * (1 - p);
        }
        if (p == 0)
        {
            return input.alias();
        }
        var dropped = nn.functional.dropout2d(input, p, true);
        if (scaling == DropoutScaling.Inverted)
        {
            return dropped;
        }
        using (dropped)
        {
            return dropped * (1 - p);
        }
    }

    /// <summary>
    /// DropBlock of a [N, C, H, W] feature map (see <see cref="DropBlock2d"/>): in training, b×b blocks (b = min(blockSize,
    /// H, W)) start at each fitting position of each example and channel with probability
    /// <c>γ = p·H·W / (b²·(H−b+1)·(W−b+1))</c>, and the output is <c>x·M·count(M)/count_ones(M)</c>; otherwise identity.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not 4-dimensional.</exception>
    public static Tensor drop_block2d(Tensor input, double p = 0.1, int blockSize = 7, bool training = true, Generator? generator = null)
    {
        Guard.InRange(p, 0, true, 1, false);
        Guard.AtLeast(blockSize, 1);
        FeatureMap(input, nameof(drop_block2d));
        if (!training || p == 0)
        {
            return input.alias();
        }
        using var scope = NewDisposeScope();
        var (h, w) = (input.shape[2], input.shape[3]);
        var b = Math.Min(blockSize, Math.Min(h, w));
        var gamma = p * h * w / (b * b * (h - b + 1) * (double)(w - b + 1));
        var keep = BlockMask.Like(input, gamma, (int)b, generator) ?? KeepMask(input, gamma, b, generator);
        // One multiplication on the autograd tape: the mask and its scale carry no gradient.
        var scaled = keep.mul_(keep.numel() / keep.sum().clamp_min(1));
        return (input * scaled).MoveToOuterDisposeScope();
    }

    /// <summary>DropBlock's keep mask from torch ops, for any device and type (see <see cref="BlockMask"/> for the CPU).</summary>
    private static Tensor KeepMask(Tensor input, double gamma, long b, Generator? generator)
    {
        var (h, w) = (input.shape[2], input.shape[3]);
        var corners = BernoulliMask.Like(empty([input.shape[0], input.shape[1], h - b + 1, w - b + 1], input.dtype, input.device), 1 - gamma, 1, generator);
        // Pixel (i, j) is dropped when a corner lies in [i−b+1, i] × [j−b+1, j]: a b×b max over the corners padded by b−1,
        // taken as a max of b shifted rows, then of b shifted columns (libtorch 2.10's CPU max_pool2d with stride 1 took
        // 5× a 3×3 convolution of the same map here).
        var padded = nn.functional.pad(corners, [b - 1, b - 1, b - 1, b - 1]);
        var rows = padded.narrow(2, 0, h);
        for (var k = 1; k < b; k++)
        {
            rows = rows.maximum(padded.narrow(2, k, h));
        }
        var dropped = rows.narrow(3, 0, w);
        for (var k = 1; k < b; k++)
        {
            dropped = dropped.maximum(rows.narrow(3, k, w));
        }
        return dropped.neg_().add_(1);
    }

    private static void FeatureMap(Tensor input, string operation)
    {
        if (input.dim() != 4)
        {
            throw new ArgumentException(
                $"{operation} needs a feature map [N, C, H, W]. Received: input of shape [{string.Join(", ", input.shape)}].", nameof(input));
        }
    }
}
