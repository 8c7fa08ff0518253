using System.Globalization;
using Spectre.Console;

namespace Regularizers.Torch.Training;

/// <summary>
/// A console progress bar per epoch (Spectre.Console markup, redrawn in place every 10 batches) with the running batch
/// loss, and a line of metrics after each epoch. When output is redirected, only the per-epoch lines are written.
/// </summary>
public sealed class ProgressReporter : TrainingCallback
{
    private readonly IAnsiConsole _console;
    private long _batches;

    /// <summary>Reports to <paramref name="console"/> (the process console by default).</summary>
    public ProgressReporter(IAnsiConsole? console = null) => _console = console ?? AnsiConsole.Console;

    /// <inheritdoc />
    public override void OnBatchEnd(TrainingContext context)
    {
        _batches++;
        if (_console.Profile.Capabilities.Interactive && _batches % 10 == 0)
        {
            const int width = 30;
            var done = (int)Math.Round(width * (context.Batch + 1) / (double)Math.Max(1, context.BatchesPerEpoch));
            var bar = new string('█', done) + new string('░', width - done);
            _console.Markup(string.Create(CultureInfo.InvariantCulture,
                $"\repoch {context.Epoch} [green]{bar}[/] {context.Batch + 1}/{context.BatchesPerEpoch}  loss {context.BatchLoss:F4}   "));
        }
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
        var e = context.History.Epochs[^1];
        var validation = e.ValidationLoss is { } vl ? string.Create(CultureInfo.InvariantCulture, $"  val_loss {vl:F4}  val_accuracy {e.ValidationAccuracy:P2}") : string.Empty;
        var prefix = _console.Profile.Capabilities.Interactive ? "\r" : string.Empty;
        _console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}epoch {e.Epoch}  loss {e.TrainLoss:F4}  accuracy {e.TrainAccuracy:P2}{validation}"));
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context)
    {
        if (context.History.StopReason is { } reason)
        {
            _console.WriteLine(reason);
        }
    }
}
