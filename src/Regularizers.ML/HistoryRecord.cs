using Regularizers.Torch.Training;

namespace Regularizers.ML;

/// <summary>
/// A <see cref="TrainingHistory"/> as the model file's JSON header holds it. JSON has no NaN or infinity, so a
/// non-finite metric is written as null and read back as NaN (a regression's accuracy is NaN; a diverged loss may be
/// infinite); <see cref="EpochRecord.Validated"/> tells a missing validation metric from a NaN one.
/// </summary>
internal sealed record HistoryRecord(IReadOnlyList<HistoryRecord.EpochRecord> Epochs, string? StopReason, int? RestoredEpoch)
{
    public static HistoryRecord? From(TrainingHistory? history) => history is null ? null : new(
        history.Epochs.Select(e => new EpochRecord(
            e.Epoch, Finite(e.TrainLoss), Finite(e.TrainAccuracy), e.ValidationLoss is not null, Finite(e.ValidationLoss), Finite(e.ValidationAccuracy))
        {
            ScheduledValues = e.ScheduledValues.Count == 0 ? null : new Dictionary<string, double>(e.ScheduledValues),
        }).ToList(),
        history.StopReason,
        history.RestoredEpoch);

    public TrainingHistory ToHistory() => new(
        Epochs.Select(e => new EpochMetrics(
            e.Epoch, e.TrainLoss ?? double.NaN, e.TrainAccuracy ?? double.NaN,
            e.Validated ? e.ValidationLoss ?? double.NaN : null, e.Validated ? e.ValidationAccuracy ?? double.NaN : null)
        {
            ScheduledValues = e.ScheduledValues ?? new Dictionary<string, double>(),
        }),
        StopReason,
        RestoredEpoch);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>One epoch's metrics; null stands for NaN (or, for the validation metrics, for none when not <paramref name="Validated"/>).</summary>
    internal sealed record EpochRecord(int Epoch, double? TrainLoss, double? TrainAccuracy, bool Validated, double? ValidationLoss, double? ValidationAccuracy)
    {
        /// <summary>The scheduled strengths in force at the epoch's end; null when nothing was scheduled (and in files written before schedules).</summary>
        public Dictionary<string, double>? ScheduledValues { get; init; }
    }
}
