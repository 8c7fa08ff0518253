namespace Regularizers.Torch.Training;

/// <summary>What a <see cref="Trainer"/> run did: per-epoch metrics and why it ended.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochMetrics> _epochs = new();

    /// <summary>An empty history, which a <see cref="Trainer"/> fills.</summary>
    public TrainingHistory()
    {
    }

    /// <summary>A history read back from a saved model: these epochs, stop reason and restored epoch.</summary>
    public TrainingHistory(IEnumerable<EpochMetrics> epochs, string? stopReason, int? restoredEpoch)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        _epochs.AddRange(epochs);
        StopReason = stopReason;
        RestoredEpoch = restoredEpoch;
    }

    /// <summary>The metrics of every completed epoch, in order.</summary>
    public IReadOnlyList<EpochMetrics> Epochs => _epochs;

    /// <summary>Why training stopped early, or null when it ran every epoch.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>The epoch whose weights the model holds at the end when a callback restored them, or null.</summary>
    public int? RestoredEpoch { get; internal set; }

    internal void Add(EpochMetrics metrics) => _epochs.Add(metrics);

    /// <summary>The history of one metric, epoch by epoch (see <see cref="EpochMetrics.Get"/>).</summary>
    public IReadOnlyList<double> Series(Metric metric) => _epochs.Select(e => e.Get(metric)).ToList();
}
