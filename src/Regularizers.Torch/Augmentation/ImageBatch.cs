using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>The check every augmentation makes on its input: a floating-point batch of images <c>[N, C, H, W]</c>.</summary>
internal static class ImageBatch
{
    public static Tensor Check(Tensor input, string name = "input")
    {
        ArgumentNullException.ThrowIfNull(input, name);
        if (input.dim() != 4 || !is_floating_point(input))
        {
            throw new ArgumentException(
                $"{name} must be a floating-point image batch shaped [N, C, H, W]. Received: {name} of shape [{string.Join(", ", input.shape)}] and type {input.dtype}.",
                name);
        }
        return input;
    }
}
