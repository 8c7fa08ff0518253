using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>Factories in TorchSharp's style for the augmentation modules, for <c>nn.Sequential(RandomAffine(15, 0.1), …)</c>.</summary>
public static class AugmentationModules
{
    /// <summary>
    /// Creates a <see cref="Regularizers.Torch.Augmentation.RandomAffine"/> with symmetric ranges: rotation in
    /// ±<paramref name="degrees"/>, translation up to <paramref name="translate"/> of the width and the height, scale in
    /// [<paramref name="minScale"/>, <paramref name="maxScale"/>], horizontal shear in ±<paramref name="shear"/> degrees; degrees and shear must be ≥ 0.
    /// </summary>
    public static RandomAffine RandomAffine(double degrees = 0, double translate = 0, double minScale = 1, double maxScale = 1, double shear = 0, double fill = 0, Generator? generator = null)
    {
        Guard.NonNegative(degrees);
        Guard.NonNegative(shear);
        return new(new RandomAffineOptions
        {
            Degrees = (-degrees, degrees),
            Translate = (translate, translate),
            Scale = (minScale, maxScale),
            ShearX = (-shear, shear),
            Fill = fill,
        }, generator);
    }

    /// <summary>Creates a <see cref="Regularizers.Torch.Augmentation.RandomHorizontalFlip"/>.</summary>
    public static RandomHorizontalFlip RandomHorizontalFlip(double p = 0.5, Generator? generator = null) => new(p, generator);

    /// <summary>Creates a <see cref="Regularizers.Torch.Augmentation.RandomErasing"/>.</summary>
    public static RandomErasing RandomErasing(double p = 0.5, (double Min, double Max)? scale = null, (double Min, double Max)? ratio = null, double? value = 0, Generator? generator = null) =>
        new(p, scale, ratio, value, generator);
}
