namespace Regularizers.Torch.Training;

/// <summary>
/// Saves the model after each epoch (<see cref="SaveBestOnly"/> false) or whenever the monitored metric improves (true, the
/// default), in <c>Module.save</c>'s format. The file is written atomically (<see cref="Regularizers.Core.IO.AtomicFile"/>): a temporary
/// file beside the target is written, flushed to disk and renamed over it, so a save that fails or a crash mid-write leaves
/// the previous checkpoint intact.
/// </summary>
public sealed class ModelCheckpoint : TrainingCallback
{
    private double? _best;

    /// <summary>Creates the callback.</summary>
    /// <param name="path">The checkpoint file; its directory must exist.</param>
    /// <param name="monitor">The metric whose improvement triggers a save; it says whether lower or higher is better.</param>
    /// <param name="saveBestOnly">Save only on improvement (default) or after every epoch.</param>
    public ModelCheckpoint(string path, Metric monitor = Metric.ValidationLoss, bool saveBestOnly = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        Monitor = Guard.Defined(monitor);
        SaveBestOnly = saveBestOnly;
    }

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>The monitored metric.</summary>
    public Metric Monitor { get; }

    /// <summary>Whether only improvements are saved.</summary>
    public bool SaveBestOnly { get; }

    /// <summary>The epoch last saved, 0 before any save.</summary>
    public int SavedEpoch { get; private set; }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
        if (SaveBestOnly)
        {
            // Saving every epoch needs no metric, so a run without validation data can still save each epoch.
            var value = context.History.Epochs[^1].Get(Monitor);
            if (!Monitor.Improves(value, _best))
            {
                return;
            }
            _best = value;
        }
        Regularizers.Core.IO.AtomicFile.Write(Path, stream =>
        {
            // Module.save(Stream) closes the stream; the writer leaves it open for AtomicFile to flush and rename.
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            context.Model.save(writer);
        });
        SavedEpoch = context.Epoch;
    }
}
