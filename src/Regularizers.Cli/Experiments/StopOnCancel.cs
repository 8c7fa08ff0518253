using Regularizers.Torch.Training;

namespace Regularizers.Cli.Experiments;

/// <summary>Stops training at the end of the current batch once <paramref name="token"/> is cancelled (Ctrl-C).</summary>
internal sealed class StopOnCancel(CancellationToken token) : TrainingCallback
{
    /// <inheritdoc />
    public override void OnBatchEnd(TrainingContext context)
    {
        if (token.IsCancellationRequested)
        {
            context.StopTraining = true;
            context.StopReason = "interrupted";
        }
    }
}
