using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>Targets as probabilities [N, K]: class indices become one-hot rows, probabilities are kept.</summary>
internal static class SoftTargets
{
    public static Tensor Of(Tensor target, long classes, ScalarType dtype)
    {
        if (target.dtype is ScalarType.Int64 or ScalarType.Int32)
        {
            return nn.functional.one_hot(target.to_type(ScalarType.Int64), classes).to_type(dtype);
        }
        if (target.dim() != 2 || target.shape[1] != classes)
        {
            throw new ArgumentException(
                $"target must be class indices [N] or probabilities [N, {classes}]. Received: target of shape [{string.Join(", ", target.shape)}].",
                nameof(target));
        }
        return target.to_type(dtype);
    }
}
