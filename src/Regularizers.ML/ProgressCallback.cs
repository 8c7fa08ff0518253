using Regularizers.Torch.Training;

namespace Regularizers.ML;

/// <summary>Reports each epoch's metrics to the user's progress callback.</summary>
internal sealed class ProgressCallback(Action<EpochMetrics> report) : TrainingCallback
{
    public override void OnEpochEnd(TrainingContext context) => report(context.History.Epochs[^1]);
}
