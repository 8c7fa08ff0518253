using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>Gaussian dropout: multiplies by noise <c>n ~ N(1, p/(1−p))</c> in training (the mean and variance of inverted dropout's multiplier), identity in eval.</summary>
public sealed class GaussianDropout : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module; p in [0, 1).</summary>
    public GaussianDropout(double p = 0.5) : base(nameof(GaussianDropout)) => this.p = Guard.InRange(p, 0, true, 1, false);

    /// <summary>The equivalent drop probability.</summary>
    public double p { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.gaussian_dropout(input, p, training);
}
