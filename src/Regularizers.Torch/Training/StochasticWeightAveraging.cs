using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// Stochastic weight averaging (Izmailov et al., "Averaging Weights Leads to Wider Optima and Better Generalization",
/// UAI 2018; PyTorch's <c>AveragedModel</c> with <c>SWALR</c>, Lightning's <c>StochasticWeightAveraging</c>). From epoch
/// <see cref="StartEpoch"/> on, the weights at the end of each epoch are averaged with equal weights:
/// <c>θ̄ ← θ̄ + (θ − θ̄)/n</c> for the n-th averaged epoch (the first copies). The learning rate of each parameter group
/// follows SWALR from the rate lr₀ it had when epoch <see cref="StartEpoch"/> began: epoch e ≥ StartEpoch trains with
/// <c>lr_e = α(t)·swa_lr + (1 − α(t))·lr₀</c>, <c>t = min(1, (e − StartEpoch)/AnnealEpochs)</c> (t = 1 when AnnealEpochs is
/// 0), <c>α(t) = (1 − cos(π·t))/2</c> (cosine) or <c>t</c> (linear). Before the first average, validation uses the model
/// itself; afterwards the average, and the model ends with it (see <see cref="WeightAveraging"/>).
/// </summary>
public sealed class StochasticWeightAveraging : WeightAveraging
{
    private double[]? _startRates;
    private int _averagedEpoch;

    /// <summary>Creates the callback.</summary>
    /// <param name="startEpoch">The first epoch (1-based) whose weights are averaged, ≥ 1.</param>
    /// <param name="learningRate">swa_lr &gt; 0, the rate annealed to; null leaves the learning rate alone.</param>
    /// <param name="annealEpochs">Epochs to anneal over, ≥ 0 (SWALR's default 10).</param>
    /// <param name="annealing">Cosine (default) or linear annealing.</param>
    /// <param name="recomputeBatchNorm">Recompute BatchNorm statistics for the averaged weights (default true).</param>
    public StochasticWeightAveraging(int startEpoch, double? learningRate = null, int annealEpochs = 10, SwaAnnealing annealing = SwaAnnealing.Cosine, bool recomputeBatchNorm = true)
        : base(recomputeBatchNorm)
    {
        StartEpoch = Guard.AtLeast(startEpoch, 1);
        LearningRate = learningRate is { } lr ? Guard.Positive(lr, nameof(learningRate)) : null;
        AnnealEpochs = Guard.AtLeast(annealEpochs, 0);
        Annealing = Guard.Defined(annealing);
    }

    /// <summary>The first averaged epoch.</summary>
    public int StartEpoch { get; }

    /// <summary>swa_lr, or null when the learning rate is left alone.</summary>
    public double? LearningRate { get; }

    /// <summary>Epochs of annealing.</summary>
    public int AnnealEpochs { get; }

    /// <summary>The annealing curve.</summary>
    public SwaAnnealing Annealing { get; }

    /// <summary>The learning rate of epoch <paramref name="epoch"/> for a group whose rate was <paramref name="startRate"/> when epoch <see cref="StartEpoch"/> began.</summary>
    public double LearningRateAt(int epoch, double startRate)
    {
        if (LearningRate is not { } swaRate || epoch < StartEpoch)
        {
            return startRate;
        }
        var t = AnnealEpochs == 0 ? 1 : Math.Min(1, (epoch - StartEpoch) / (double)AnnealEpochs);
        var alpha = Annealing == SwaAnnealing.Cosine ? (1 - Math.Cos(Math.PI * t)) / 2 : t;
        return (alpha * swaRate) + ((1 - alpha) * startRate);
    }

    /// <inheritdoc />
    protected override bool StartsFromModel => false;

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        base.OnTrainBegin(context);
        _startRates = null;
        _averagedEpoch = 0;
    }

    /// <inheritdoc />
    public override void OnEpochBegin(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (LearningRate is null || context.Epoch < StartEpoch)
        {
            return;
        }
        var groups = context.Optimizer.ParamGroups.ToList();
        _startRates ??= groups.Select(g => g.LearningRate).ToArray();
        for (var i = 0; i < groups.Count; i++)
        {
            groups[i].LearningRate = LearningRateAt(context.Epoch, _startRates[i]);
        }
    }

    /// <summary>Averages the epoch's final weights from <see cref="StartEpoch"/> on, unless validation already did.</summary>
    public override void OnEpochEnd(TrainingContext context) => AverageEpoch(context);

    /// <summary>
    /// Averages the epoch's final weights first (the trainer validates before <see cref="OnEpochEnd"/>), so the epoch's
    /// validation sees the average it belongs to.
    /// </summary>
    public override void OnValidationBegin(TrainingContext context)
    {
        AverageEpoch(context);
        base.OnValidationBegin(context);
    }

    private void AverageEpoch(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Epoch >= StartEpoch && _averagedEpoch != context.Epoch)
        {
            Average(context);
            _averagedEpoch = context.Epoch;
        }
    }

    /// <inheritdoc />
    protected override void Combine(Tensor average, Tensor weight, int update)
    {
        ArgumentNullException.ThrowIfNull(average);
        average.add_(weight.sub(average).div_(update));
    }
}
