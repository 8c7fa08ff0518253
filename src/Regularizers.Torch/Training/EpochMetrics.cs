namespace Regularizers.Torch.Training;

/// <summary>One epoch's metrics: mean training loss and accuracy over its batches (in training mode), and the validation loss and accuracy in eval mode when validation data was given.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean loss over the epoch's batches, penalties included.</param>
/// <param name="TrainAccuracy">Fraction of training examples classified correctly during the epoch.</param>
/// <param name="ValidationLoss">Validation loss without penalties, or null.</param>
/// <param name="ValidationAccuracy">Validation accuracy, or null.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy)
{
    /// <summary>The metric called <paramref name="name"/>: "loss", "accuracy", "val_loss" or "val_accuracy" (Keras' names).</summary>
    /// <exception cref="ArgumentException">The name is unknown, or names a validation metric that was not computed.</exception>
    public double Get(string name) => name switch
    {
        "loss" => TrainLoss,
        "accuracy" => TrainAccuracy,
        "val_loss" => ValidationLoss ?? throw new ArgumentException("val_loss needs validation data.", nameof(name)),
        "val_accuracy" => ValidationAccuracy ?? throw new ArgumentException("val_accuracy needs validation data.", nameof(name)),
        _ => throw new ArgumentException($"name must be loss, accuracy, val_loss or val_accuracy. Received: name={name}.", nameof(name)),
    };
}
