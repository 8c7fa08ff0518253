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
}
