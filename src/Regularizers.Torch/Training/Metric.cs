using Regularizers.Core.Stopping;

namespace Regularizers.Torch.Training;

/// <summary>
/// A metric the <see cref="Trainer"/> records every epoch. Its direction is part of it (losses are minimised,
/// accuracies maximised), so no callback that monitors one takes a mode.
/// </summary>
public enum Metric
{
    /// <summary>Mean training loss over the epoch's batches, penalties included (Keras' <c>loss</c>).</summary>
    Loss,

    /// <summary>Training accuracy over the epoch (Keras' <c>accuracy</c>).</summary>
    Accuracy,

    /// <summary>Validation loss in eval mode, without penalties (Keras' <c>val_loss</c>); needs validation data.</summary>
    ValidationLoss,

    /// <summary>Validation accuracy in eval mode (Keras' <c>val_accuracy</c>); needs validation data.</summary>
    ValidationAccuracy,
}

/// <summary>What each <see cref="Metric"/> is.</summary>
public static class MetricExtensions
{
    /// <summary><see cref="MetricMode.Min"/> for losses, <see cref="MetricMode.Max"/> for accuracies.</summary>
    public static MetricMode Direction(this Metric metric) => metric switch
    {
        Metric.Loss or Metric.ValidationLoss => MetricMode.Min,
        Metric.Accuracy or Metric.ValidationAccuracy => MetricMode.Max,
        _ => throw Unknown(metric),
    };

    /// <summary>
    /// Whether <paramref name="value"/> improves on <paramref name="best"/> (null: nothing yet, so it does) by more than
    /// <paramref name="margin"/>, in the metric's direction.
    /// </summary>
    public static bool Improves(this Metric metric, double value, double? best, double margin = 0) =>
        best is not { } b || (metric.Direction() == MetricMode.Min ? value < b - margin : value > b + margin);

    /// <summary>Keras' name for the metric: <c>loss</c>, <c>accuracy</c>, <c>val_loss</c> or <c>val_accuracy</c>.</summary>
    public static string KerasName(this Metric metric) => metric switch
    {
        Metric.Loss => "loss",
        Metric.Accuracy => "accuracy",
        Metric.ValidationLoss => "val_loss",
        Metric.ValidationAccuracy => "val_accuracy",
        _ => throw Unknown(metric),
    };

    internal static ArgumentOutOfRangeException Unknown(Metric metric) =>
        new(nameof(metric), metric, $"metric must be Loss, Accuracy, ValidationLoss or ValidationAccuracy. Received: metric={metric:D}.");
}
