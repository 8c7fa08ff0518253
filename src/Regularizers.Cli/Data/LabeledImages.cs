namespace Regularizers.Cli.Data;

/// <summary>
/// A set of equally sized grayscale images with integer labels, stored row-major as floats in [0, 1]
/// (pixel / 255). Framework-free: the torch and ML.NET layers wrap it without copying twice.
/// </summary>
public sealed class LabeledImages
{
    /// <summary>Creates a set; <paramref name="pixels"/> holds <c>labels.Length · height · width</c> values.</summary>
    /// <exception cref="ArgumentException">The pixel count does not match the labels and image size.</exception>
    public LabeledImages(float[] pixels, int[] labels, int height, int width, int classCount)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if ((long)labels.Length * height * width != pixels.LongLength)
        {
            throw new ArgumentException(
                $"pixels has {pixels.LongLength} values but {labels.Length} images of {height}×{width} need {(long)labels.Length * height * width}.",
                nameof(pixels));
        }
        Pixels = pixels;
        Labels = labels;
        Height = height;
        Width = width;
        ClassCount = classCount;
    }

    /// <summary>All pixels, image after image, row-major, scaled to [0, 1].</summary>
    public float[] Pixels { get; }

    /// <summary>The class of each image, in 0..<see cref="ClassCount"/>−1.</summary>
    public int[] Labels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Pixels per image: <c>Height · Width</c>.</summary>
    public int FeatureCount => Height * Width;

    /// <summary>The first <paramref name="count"/> images (or all, if there are fewer).</summary>
    public LabeledImages Take(int count) => Select(Enumerable.Range(0, Math.Min(count, Count)).ToArray());

    /// <summary>The images at <paramref name="indices"/>, in that order (indices may repeat, as in a bootstrap sample).</summary>
    public LabeledImages Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var size = FeatureCount;
        var pixels = new float[(long)indices.Count * size];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Array.Copy(Pixels, (long)indices[i] * size, pixels, (long)i * size, size);
            labels[i] = Labels[indices[i]];
        }
        return new LabeledImages(pixels, labels, Height, Width, ClassCount);
    }
}
