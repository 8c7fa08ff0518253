using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>How a <see cref="Trainer"/> runs. Defaults: 10 epochs, batches of 32, cross-entropy, no seed.</summary>
public sealed record TrainerOptions
{
    /// <summary>The default number of epochs.</summary>
    public const int DefaultEpochs = 10;

    /// <summary>The default batch size.</summary>
    public const int DefaultBatchSize = 32;

    /// <summary>Maximum number of epochs (≥ 1).</summary>
    public int Epochs { get; init; } = DefaultEpochs;

    /// <summary>Examples per batch (≥ 1); the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Seeds torch's default generator and the batch order, making runs repeatable; null leaves both as they are.</summary>
    public long? Seed { get; init; }

    /// <summary>The loss of (output, target); cross-entropy of logits against class indices by default.</summary>
    public Func<Tensor, Tensor, Tensor> Loss { get; init; } = (output, target) => nn.functional.cross_entropy(output, target);

    /// <summary>
    /// A training loss that runs the model itself (<see cref="Losses.RDropLoss"/>); when set, each batch's loss is its
    /// <see cref="Losses.IModelLoss.Compute"/> instead of <see cref="Loss"/> of one forward pass. Evaluation still uses
    /// <see cref="Loss"/>. Null by default.
    /// </summary>
    public Losses.IModelLoss? ModelLoss { get; init; }

    /// <summary>Penalties added to each batch's loss and constraints applied after each step; null for none.</summary>
    public Regularization? Regularization { get; init; }

    /// <summary>
    /// Epochs already trained, as in a run resumed from a checkpoint (Keras' <c>initial_epoch</c>): the run trains epochs
    /// InitialEpoch + 1 to <see cref="Epochs"/>, and schedules continue from epoch InitialEpoch and step InitialEpoch
    /// times the batches per epoch. 0 by default.
    /// </summary>
    public int InitialEpoch { get; init; }

    /// <summary>
    /// Scheduled strengths outside the model and <see cref="Regularization"/>, which the trainer finds by itself — a loss
    /// module such as <c>LabelSmoothingCrossEntropy(Schedule)</c> behind <see cref="Loss"/>. Empty by default.
    /// </summary>
    public IReadOnlyList<IScheduled> Scheduled { get; init; } = Array.Empty<IScheduled>();

    /// <summary>Callbacks, called in order.</summary>
    public IReadOnlyList<TrainingCallback> Callbacks { get; init; } = Array.Empty<TrainingCallback>();

    internal void Validate()
    {
        Guard.AtLeast(Epochs, 1);
        Guard.AtLeast(BatchSize, 1);
        Guard.AtLeast(InitialEpoch, 0);
        ArgumentNullException.ThrowIfNull(Scheduled);
    }
}
