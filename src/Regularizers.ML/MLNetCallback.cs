using static System.FormattableString;
using Microsoft.ML.Runtime;
using Regularizers.Torch.Training;

namespace Regularizers.ML;

/// <summary>
/// Ties training to the <c>MLContext</c>, as ML.NET's own trainers are: each epoch's metrics go to its log (channel
/// <see cref="ChannelName"/>, kind Info), and <c>mlContext.CancelExecution()</c> ends training before the next batch
/// with ML.NET's <see cref="OperationCanceledException"/> ("Operation was canceled.").
/// </summary>
internal sealed class MLNetCallback(IHostEnvironment environment, IChannel channel) : TrainingCallback
{
    /// <summary>The name of the channel the trainer logs on (the <c>Source</c> of <c>mlContext.Log</c>'s messages).</summary>
    public const string ChannelName = "RegularizedNeuralNetwork";

    public override void OnBatchBegin(TrainingContext context)
    {
        if (MLNetEnvironment.IsCanceled(environment))
        {
            throw new OperationCanceledException("Operation was canceled.");
        }
    }

    public override void OnEpochEnd(TrainingContext context) => channel.Info(MessageSensitivity.None, Describe(context.History.Epochs[^1]));

    /// <summary>One line per epoch: <c>Epoch 3: loss 0.412, accuracy 0.851, validation loss 0.45, validation accuracy 0.84</c>.</summary>
    public static string Describe(EpochMetrics epoch)
    {
        var parts = new List<string> { Invariant($"loss {epoch.TrainLoss:G4}") };
        if (!double.IsNaN(epoch.TrainAccuracy))
        {
            parts.Add(Invariant($"accuracy {epoch.TrainAccuracy:G4}"));
        }
        if (epoch.ValidationLoss is { } validationLoss)
        {
            parts.Add(Invariant($"validation loss {validationLoss:G4}"));
        }
        if (epoch.ValidationAccuracy is { } validationAccuracy && !double.IsNaN(validationAccuracy))
        {
            parts.Add(Invariant($"validation accuracy {validationAccuracy:G4}"));
        }
        return Invariant($"Epoch {epoch.Epoch}: {string.Join(", ", parts)}");
    }
}
