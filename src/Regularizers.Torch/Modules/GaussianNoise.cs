using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>Additive noise robustness (Goodfellow et al. §7.5): adds <c>ε ~ N(0, σ²)</c> in training, identity in eval.</summary>
public sealed class GaussianNoise : nn.Module<Tensor, Tensor>, IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>Creates the module; σ ≥ 0.</summary>
    public GaussianNoise(double stddev) : base(nameof(GaussianNoise)) => this.stddev = Guard.NonNegative(stddev);

    /// <summary>Creates the module with σ following <paramref name="stddev"/> (its value at epoch 0, step 0 until advanced).</summary>
    public GaussianNoise(Schedule stddev) : base(nameof(GaussianNoise))
    {
        _schedule = stddev ?? throw new ArgumentNullException(nameof(stddev));
        Advance(0, 0);
    }

    /// <summary>σ.</summary>
    public double stddev { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => stddev = _schedule is null ? stddev : Guard.NonNegative(_schedule.At(epoch, step), nameof(stddev));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, nameof(stddev), stddev);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.gaussian_noise(input, stddev, training);
}
