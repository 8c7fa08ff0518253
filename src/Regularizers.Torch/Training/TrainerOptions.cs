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

    /// <summary>
    /// The loss of each example, [B] from (output, target) with no reduction; needed only when
    /// <see cref="Trainer.Fit(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?)"/> gets example weights, and then used
    /// instead of <see cref="Loss"/>. It must be <see cref="Loss"/> before its mean, e.g.
    /// <c>(o, t) =&gt; nn.functional.cross_entropy(o, t, reduction: nn.Reduction.None)</c>.
    /// </summary>
    public Func<Tensor, Tensor, Tensor>? ExampleLoss { get; init; }

    /// <summary>Penalties added to each batch's loss and constraints applied after each step; null for none.</summary>
    public Regularization? Regularization { get; init; }

    /// <summary>
    /// Epochs already trained, as in a run resumed from a checkpoint (Keras' <c>initial_epoch</c>): the run trains epochs
    /// InitialEpoch + 1 to <see cref="Epochs"/>, and schedules continue from epoch InitialEpoch and step InitialEpoch
    /// times the batches per epoch. 0 by default.
    /// </summary>
    public int InitialEpoch { get; init; }

    /// <summary>
    /// Scheduled strengths the trainer cannot find by itself — a loss module such as
    /// <c>LabelSmoothingCrossEntropy(Schedule)</c> or <c>ConfidencePenalty(Schedule)</c> behind <see cref="Loss"/>. It
    /// finds those of the model, <see cref="Regularization"/>, <see cref="ModelLoss"/>, <see cref="Adversarial"/> and
    /// <see cref="Callbacks"/> (an <c>ExponentialMovingAverage(Schedule)</c>). Empty by default.
    /// </summary>
    public IReadOnlyList<IScheduled> Scheduled { get; init; } = Array.Empty<IScheduled>();

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

    /// <summary>
    /// Clips the gradients before each optimizer step so that their total L2 norm over all the model's parameters is at
    /// most this value (<c>g ← g·min(1, c/‖g‖)</c>, TorchSharp's <c>clip_grad_norm_</c>); null (the default) does not clip.
        /// </summary>
    public double? ClipGradientNorm { get; init; }

    /// <summary>
    /// Clamps every gradient element to [−c, c] before each optimizer step (TorchSharp's <c>clip_grad_value_</c>), after
    /// <see cref="ClipGradientNorm"/>; null (the default) does not clamp.
    /// </summary>
    public double? ClipGradientValue { get; init; }

    /// <summary>
    /// Batches whose gradients are summed before one optimizer step (≥ 1, default 1). Each batch's loss is divided by k
    /// before backward, so k equal batches step with the mean of their gradients, as one batch k times larger would; an
    /// epoch whose batch count is not a multiple of k steps on its last, shorter group too (still divided by k, as
    /// Lightning does). Needs the regularization's autograd penalty gradients (in-place penalty gradients are not divided).
    /// </summary>
    public int AccumulationSteps { get; init; } = 1;

    internal void Validate()
    {
        Guard.AtLeast(Epochs, 1);
        Guard.AtLeast(BatchSize, 1);
        Guard.AtLeast(AccumulationSteps, 1);
        if (ClipGradientNorm is { } norm)
        {
            Guard.Positive(norm, nameof(ClipGradientNorm));
        }
        if (ClipGradientValue is { } value)
        {
            Guard.Positive(value, nameof(ClipGradientValue));
        }
        if (AccumulationSteps > 1 && Regularization is { HasPenalties: true, Gradients: PenaltyGradients.InPlace })
        {
            throw new ArgumentException(
                $"AccumulationSteps={AccumulationSteps} divides each batch's loss by {AccumulationSteps}, but Regularization(PenaltyGradients.InPlace) adds its penalty gradients undivided after every backward. Use PenaltyGradients.Autograd with accumulation.",
                nameof(AccumulationSteps));
        }
        Guard.AtLeast(InitialEpoch, 0);
        ArgumentNullException.ThrowIfNull(Scheduled);
    }
}
