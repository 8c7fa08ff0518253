namespace Regularizers.Torch.Training;

/// <summary>
/// Stops training as soon as a batch's loss is NaN or infinite (Keras' and Lightning's <c>TerminateOnNaN</c>) and puts
/// back the last good state: the model's parameters and buffers and the optimizer's state as they were at the end of the
/// last completed epoch (or at the start of training). The epoch in which the loss went bad is not added to the
/// history; the stop reason names it and the batch, and <see cref="TrainingHistory.RestoredEpoch"/> is the epoch restored
/// (0 for the initial state). The state is copied once per epoch. The check is on the loss, as in Keras: an averaging
/// callback (<see cref="ExponentialMovingAverage"/>) may already have folded in the step that made the loss bad.
/// </summary>
public sealed class TerminateOnNaN : TrainingCallback, IDisposable
{
    private TrainingSnapshot? _good;

    /// <summary>The epoch (1-based) whose loss went bad, or null.</summary>
    public int? TerminatedEpoch { get; private set; }

    /// <summary>The batch (0-based, within <see cref="TerminatedEpoch"/>) whose loss went bad, or null.</summary>
    public int? TerminatedBatch { get; private set; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TerminatedEpoch = null;
        TerminatedBatch = null;
        Capture(context);
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context) => Capture(context);

    /// <inheritdoc />
    public override void OnBatchEnd(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (double.IsFinite(context.BatchLoss))
        {
            return;
        }
        TerminatedEpoch = context.Epoch;
        TerminatedBatch = context.Batch;
        _good!.Restore(context.Model, context.Optimizer);
        context.History.RestoredEpoch = context.Epoch - 1;
        context.StopTraining = true;
        context.StopReason = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"TerminateOnNaN: the loss was {context.BatchLoss} at epoch {context.Epoch}, batch {context.Batch}; restored the state after epoch {context.Epoch - 1}.");
    }

    private void Capture(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _good?.Dispose();
        _good = TrainingSnapshot.Capture(context.Model, context.Optimizer);
    }

    /// <summary>Releases the saved state's tensors.</summary>
    public void Dispose()
    {
        _good?.Dispose();
        _good = null;
    }
}
