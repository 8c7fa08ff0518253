namespace Regularizers.Torch.Training;

/// <summary>
/// What a <see cref="Trainer"/> run did: per-epoch metrics and why it ended, plus any metrics callbacks record by name
/// (per-task losses and accuracies of a multi-task model, for example), one value per epoch.
/// </summary>
public sealed class TrainingHistory
{
    private readonly List<EpochMetrics> _epochs = new();
    private readonly Dictionary<string, List<double>> _named = new(StringComparer.Ordinal);

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

    /// <summary>The names of the metrics recorded with <see cref="Record"/>, in the order first recorded.</summary>
    public IReadOnlyList<string> Names => _named.Keys.ToList();

    /// <summary>
    /// Records <paramref name="value"/> as metric <paramref name="name"/> of the last completed epoch; call from
    /// <see cref="TrainingCallback.OnEpochEnd"/>, once per epoch and name.
    /// </summary>
    /// <exception cref="InvalidOperationException">No epoch has completed, or <paramref name="name"/> already has a value for it, or missed an earlier epoch.</exception>
    public void Record(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var series = _named.TryGetValue(name, out var existing) ? existing : new List<double>();
        var epoch = _epochs.Count;
        if (epoch == 0 || series.Count != epoch - 1)
        {
            throw new InvalidOperationException(
                $"Metric '{name}' has {series.Count} values but {epoch} epochs have completed: record each named metric once per epoch, from every OnEpochEnd.");
        }
        series.Add(value);
        _named[name] = series;
    }

    /// <summary>The history of a metric recorded by name, epoch by epoch.</summary>
    /// <exception cref="ArgumentException">No metric of that name was recorded.</exception>
    public IReadOnlyList<double> Series(string name) =>
        _named.TryGetValue(name, out var series)
            ? series
            : throw new ArgumentException($"No metric named '{name}' was recorded; recorded: [{string.Join(", ", _named.Keys)}].", nameof(name));
}
