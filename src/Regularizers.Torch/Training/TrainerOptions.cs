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

    /// <summary>Penalties added to each batch's loss and constraints applied after each step; null for none.</summary>
    public Regularization? Regularization { get; init; }

    /// <summary>
    /// Adversarial training: each batch's loss becomes its objective <c>α·J(x) + (1 − α)·J(x_adv)</c> (penalties still
    /// added), and the epoch's training accuracy is measured on the outputs it returns; null trains on clean batches only.
    /// </summary>
    public Adversarial.AdversarialTraining? Adversarial { get; init; }

    /// <summary>
    /// A transform of each training batch and its targets before the forward pass (MixUp, CutMix); the targets it returns
    /// are what <see cref="Loss"/> sees, so pair it with a loss that takes probabilities, e.g.
    /// <c>LabelSmoothingCrossEntropy</c>. Training accuracy is counted against the batch's original labels.
    /// </summary>
    public Augmentation.IBatchTransform? BatchTransform { get; init; }

    /// <summary>Callbacks, called in order.</summary>
    public IReadOnlyList<TrainingCallback> Callbacks { get; init; } = Array.Empty<TrainingCallback>();

    internal void Validate()
    {
        Guard.AtLeast(Epochs, 1);
        Guard.AtLeast(BatchSize, 1);
    }
}
