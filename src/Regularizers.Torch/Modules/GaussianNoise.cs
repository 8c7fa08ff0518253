using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>Additive noise robustness (Goodfellow et al. §7.5): adds <c>ε ~ N(0, σ²)</c> in training, identity in eval.</summary>
public sealed class GaussianNoise : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module; σ ≥ 0.</summary>
    public GaussianNoise(double stddev) : base(nameof(GaussianNoise)) => this.stddev = Guard.NonNegative(stddev);

    /// <summary>σ.</summary>
    public double stddev { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.gaussian_noise(input, stddev, training);
}
