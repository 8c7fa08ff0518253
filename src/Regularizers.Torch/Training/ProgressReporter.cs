using System.Globalization;

namespace Regularizers.Torch.Training;

/// <summary>
/// Writes one line of metrics per epoch (<c>epoch 3  loss 0.4121  accuracy 85.10 %  val_loss …</c>) and the stop reason,
/// if any, to a <see cref="TextWriter"/>. Plain text on purpose: the library stays free of terminal UI packages, and
/// the lines read the same in a console, a log file or a notebook cell.
/// </summary>
public sealed class ProgressReporter : TrainingCallback
{
    private readonly TextWriter _writer;

    /// <summary>Reports to <paramref name="writer"/> (<see cref="Console.Out"/> by default).</summary>
    public ProgressReporter(TextWriter? writer = null) => _writer = writer ?? Console.Out;

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
        var e = context.History.Epochs[^1];
        var validation = e.ValidationLoss is { } vl ? string.Create(CultureInfo.InvariantCulture, $"  val_loss {vl:F4}  val_accuracy {e.ValidationAccuracy:P2}") : string.Empty;
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {e.Epoch}  loss {e.TrainLoss:F4}  accuracy {e.TrainAccuracy:P2}{validation}"));
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context)
    {
        if (context.History.StopReason is { } reason)
        {
            _writer.WriteLine(reason);
        }
    }
}
