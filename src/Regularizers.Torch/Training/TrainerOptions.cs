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
    /// The loss of each example, [B] from (output, target) with no reduction; needed only when
    /// <see cref="Trainer.Fit(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?)"/> gets example weights, and then used
    /// instead of <see cref="Loss"/>. It must be <see cref="Loss"/> before its mean, e.g.
    /// <c>(o, t) =&gt; nn.functional.cross_entropy(o, t, reduction: nn.Reduction.None)</c>.
    /// </summary>
    public Func<Tensor, Tensor, Tensor>? ExampleLoss { get; init; }

    /// <summary>Penalties added to each batch's loss and constraints applied after each step; null for none.</summary>
    public Regularization? Regularization { get; init; }

    /// <summary>Callbacks, called in order.</summary>
    public IReadOnlyList<TrainingCallback> Callbacks { get; init; } = Array.Empty<TrainingCallback>();

    internal void Validate()
    {
        Guard.AtLeast(Epochs, 1);
        Guard.AtLeast(BatchSize, 1);
    }
}
