using Regularizers.Torch.Training;

namespace Regularizers.Cli.Experiments;

/// <summary>Calls <paramref name="onEpoch"/> after every epoch (drives the progress display).</summary>
internal sealed class EpochCounter(Action onEpoch) : TrainingCallback
{
    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context) => onEpoch();
}
