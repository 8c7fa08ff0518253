using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// An exponential moving average of the weights (Polyak averaging; Keras <c>use_ema</c>, timm <c>ModelEmaV3</c>,
/// Lightning <c>EMAWeightAveraging</c>): it starts as a copy of the model when training begins and after every
/// <see cref="Every"/>-th optimizer step moves by <c>θ̄ ← d·θ̄ + (1 − d)·θ</c>. Without warm-up d is <see cref="Decay"/>;
/// with warm-up the n-th update (1-based) uses timm's schedule
/// <c>d_n = min(Decay, 1 − (1 + (n − 1)/γ)^(−power))</c>, so the first update copies the weights and early updates follow
/// them closely. Validation and the final model use the average (see <see cref="WeightAveraging"/>). Decay may also
/// follow a <see cref="Schedule"/> of (epoch, step), advanced by the <c>Trainer</c> before each batch, so an update
/// after step s uses the schedule's value at s (under the warm-up, as its ceiling).
/// </summary>
public sealed class ExponentialMovingAverage : WeightAveraging, IScheduled
{
    private readonly Schedule? _schedule;
    private int _steps;

    /// <summary>The default decay, 0.999.</summary>
    public const double DefaultDecay = 0.999;

    /// <summary>Creates the callback.</summary>
    /// <param name="decay">d in [0, 1).</param>
    /// <param name="every">Update after every k-th optimizer step, k ≥ 1.</param>
    /// <param name="warmup">Use the warm-up schedule for d.</param>
    /// <param name="warmupGamma">γ &gt; 0 of the warm-up (timm's default 1).</param>
    /// <param name="warmupPower">power &gt; 0 of the warm-up (timm's default 2/3; 3/4 suits shorter runs).</param>
    /// <param name="recomputeBatchNorm">Recompute BatchNorm statistics for the averaged weights (default true).</param>
    public ExponentialMovingAverage(double decay = DefaultDecay, int every = 1, bool warmup = false, double warmupGamma = 1, double warmupPower = 2.0 / 3.0, bool recomputeBatchNorm = true)
        : base(recomputeBatchNorm)
    {
        Decay = Guard.InRange(decay, 0, true, 1, false);
        Every = Guard.AtLeast(every, 1);
        Warmup = warmup;
        WarmupGamma = Guard.Positive(warmupGamma);
        WarmupPower = Guard.Positive(warmupPower);
    }

    /// <summary>Creates the callback with d following <paramref name="decay"/> (its value at epoch 0, step 0 until advanced); the other arguments as above.</summary>
    public ExponentialMovingAverage(Schedule decay, int every = 1, bool warmup = false, double warmupGamma = 1, double warmupPower = 2.0 / 3.0, bool recomputeBatchNorm = true)
        : this(DefaultDecay, every, warmup, warmupGamma, warmupPower, recomputeBatchNorm)
    {
        _schedule = decay ?? throw new ArgumentNullException(nameof(decay));
        Advance(0, 0);
    }

    /// <summary>d, or the warm-up's ceiling.</summary>
    public double Decay { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => Decay = _schedule is null ? Decay : Guard.InRange(_schedule.At(epoch, step), 0, true, 1, false, nameof(Decay));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, "decay", Decay);

    /// <summary>Optimizer steps between updates.</summary>
    public int Every { get; }

    /// <summary>Whether the warm-up schedule is used.</summary>
    public bool Warmup { get; }

    /// <summary>γ of the warm-up.</summary>
    public double WarmupGamma { get; }

    /// <summary>power of the warm-up.</summary>
    public double WarmupPower { get; }

    /// <summary>The decay of the <paramref name="update"/>-th update (1-based).</summary>
    public double DecayAt(int update) =>
        Warmup ? Math.Min(Decay, 1 - Math.Pow(1 + ((Guard.AtLeast(update, 1) - 1) / WarmupGamma), -WarmupPower)) : Decay;

    /// <inheritdoc />
    protected override bool StartsFromModel => true;

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        base.OnTrainBegin(context);
        _steps = 0;
    }

    /// <inheritdoc />
    public override void OnAfterStep(TrainingContext context)
    {
        if (++_steps % Every == 0)
        {
            Average(context);
        }
    }

    /// <inheritdoc />
    protected override void Combine(Tensor average, Tensor weight, int update)
    {
        ArgumentNullException.ThrowIfNull(average);
        var d = DecayAt(update);
        average.mul_(d).add_(weight, alpha: 1 - d);
    }
}
