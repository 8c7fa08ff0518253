namespace Regularizers.Torch.Training;

/// <summary>One epoch's metrics: mean training loss and accuracy over its batches (in training mode), and the validation loss and accuracy in eval mode when validation data was given.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean loss over the epoch's batches, penalties included.</param>
/// <param name="TrainAccuracy">Fraction of training examples classified correctly during the epoch.</param>
/// <param name="ValidationLoss">Validation loss without penalties, or null.</param>
/// <param name="ValidationAccuracy">Validation accuracy, or null.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy)
{
    private static readonly IReadOnlyDictionary<string, double> None = new Dictionary<string, double>();

    /// <summary>
    /// The scheduled strengths in force at the epoch's last batch, named as <see cref="Schedules.ScheduledStrengths.Values(object?[])"/>
    /// names them (e.g. <c>dropout1.p</c>, <c>l2.strength</c>); empty when nothing is scheduled.
    /// </summary>
    public IReadOnlyDictionary<string, double> ScheduledValues { get; init; } = None;

    /// <summary>Equal when every metric is equal and the scheduled values hold the same names and values.</summary>
    public bool Equals(EpochMetrics? other) =>
        other is not null
        // Tuple Equals compares with Equals, under which NaN equals NaN (a regression's accuracy is NaN), unlike ==.
        && (Epoch, TrainLoss, TrainAccuracy, ValidationLoss, ValidationAccuracy).Equals((other.Epoch, other.TrainLoss, other.TrainAccuracy, other.ValidationLoss, other.ValidationAccuracy))
        && ScheduledValues.Count == other.ScheduledValues.Count
        && ScheduledValues.All(pair => other.ScheduledValues.TryGetValue(pair.Key, out var value) && value.Equals(pair.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Epoch, TrainLoss, TrainAccuracy, ValidationLoss, ValidationAccuracy, ScheduledValues.Count);

    /// <summary>The value of <paramref name="metric"/> in this epoch.</summary>
    /// <exception cref="ArgumentException">A validation metric that was not computed (no validation data).</exception>
    public double Get(Metric metric) => metric switch
    {
        Metric.Loss => TrainLoss,
        Metric.Accuracy => TrainAccuracy,
        Metric.ValidationLoss => ValidationLoss ?? throw new ArgumentException("ValidationLoss needs validation data: pass it to Fit.", nameof(metric)),
        Metric.ValidationAccuracy => ValidationAccuracy ?? throw new ArgumentException("ValidationAccuracy needs validation data: pass it to Fit.", nameof(metric)),
        _ => throw MetricExtensions.Unknown(metric),
    };
}
