using System.Globalization;
using Regularizers.Core.IO;

namespace Regularizers.Torch.Training;

/// <summary>
/// Writes one CSV row per epoch — <c>epoch,loss,accuracy,val_loss,val_accuracy</c> (empty cells when there is no validation
/// data) — rewriting the whole file atomically after each epoch, so the file on disk is always complete.
/// </summary>
public sealed class CsvLogger : TrainingCallback
{
    /// <summary>Logs to <paramref name="path"/>.</summary>
    public CsvLogger(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>The CSV file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
        static string Cell(double? v) => v is { } d ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
        var lines = new List<string> { "epoch,loss,accuracy,val_loss,val_accuracy" };
        lines.AddRange(context.History.Epochs.Select(e =>
            string.Join(',', e.Epoch.ToString(CultureInfo.InvariantCulture), Cell(e.TrainLoss), Cell(e.TrainAccuracy), Cell(e.ValidationLoss), Cell(e.ValidationAccuracy))));
        AtomicFile.WriteAllLines(Path, lines);
    }
}
