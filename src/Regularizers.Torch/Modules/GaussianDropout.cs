using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Gaussian dropout: multiplies by noise <c>n ~ N(1, p/(1−p))</c> in training (the mean and variance of inverted dropout's
/// multiplier), identity in eval; p is the equivalent drop probability.
/// </summary>
public sealed class GaussianDropout : DropoutModule
{
    /// <summary>Creates the module; p in [0, 1).</summary>
    public GaussianDropout(double p = 0.5) : base(nameof(GaussianDropout), p)
    {
    }

    /// <summary>Creates the module with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    public GaussianDropout(Schedule p) : base(nameof(GaussianDropout), p)
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.gaussian_dropout(input, p, training);
}
