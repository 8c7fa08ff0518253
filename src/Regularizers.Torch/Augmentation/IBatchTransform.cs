using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>
/// A transform of a whole training batch and its targets (MixUp, CutMix), applied by the <c>Trainer</c> before the
/// forward pass (<c>TrainerOptions.BatchTransform</c>). Targets come in as class indices [N] or probabilities [N, K] and
/// leave as probabilities [N, K], which <see cref="Losses.LabelSmoothingCrossEntropy"/> (with ε = 0 for none) takes.
/// </summary>
public interface IBatchTransform
{
    /// <summary>The transformed batch and its soft targets.</summary>
    (Tensor Input, Tensor Target) Apply(Tensor input, Tensor target);
}
