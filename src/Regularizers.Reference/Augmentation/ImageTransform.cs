using Regularizers.Core;

namespace Regularizers.Reference.Augmentation;

/// <summary>
/// Geometric augmentation by inverse mapping (seed 004's <c>Image</c> class, fixed): each output pixel (r, c) looks up
/// the source pixel <c>T⁻¹(r, c)</c>, rounded to the nearest pixel; sources outside rows 0..H−1 or columns 0..W−1
/// give the fill value, so there are no holes and no off-by-one at the borders. Rotation and scaling are about the
/// image centre <c>((H − 1)/2, (W − 1)/2)</c>, not about the corner as in the seed. A transform is its inverse map from
/// output coordinates to source coordinates; <see cref="Then"/> composes them.
/// </summary>
public sealed class ImageTransform
{
    private readonly Func<double, double, int, int, (double Row, double Col)> _inverse;

    private ImageTransform(Func<double, double, int, int, (double Row, double Col)> inverse) => _inverse = inverse;

    /// <summary>Leaves the image as it is.</summary>
    public static ImageTransform Identity { get; } = new((r, c, _, _) => (r, c));

    /// <summary>Shifts content down by <paramref name="rows"/> and right by <paramref name="cols"/>: source = (r − dr, c − dc).</summary>
    public static ImageTransform Translate(double rows, double cols) => new((r, c, _, _) => (r - rows, c - cols));

    /// <summary>Scales about the centre by <paramref name="factor"/> &gt; 0: source = centre + (p − centre)/s.</summary>
    public static ImageTransform Scale(double factor)
    {
        Guard.Positive(factor);
        return new((r, c, h, w) => (Centre(h) + ((r - Centre(h)) / factor), Centre(w) + ((c - Centre(w)) / factor)));
    }

    /// <summary>Mirrors left–right: source column = W − 1 − c.</summary>
    public static ImageTransform MirrorHorizontal { get; } = new((r, c, _, w) => (r, w - 1 - c));

    /// <summary>Mirrors top–bottom: source row = H − 1 − r.</summary>
    public static ImageTransform MirrorVertical { get; } = new((r, c, h, _) => (h - 1 - r, c));

    /// <summary>
    /// Rotates counter-clockwise (as displayed, rows growing downwards) by <paramref name="degrees"/> about the centre.
    /// With x = c − c₀ and y = r₀ − r, the source is <c>x′ = x·cos θ + y·sin θ</c>, <c>y′ = −x·sin θ + y·cos θ</c>.
    /// </summary>
    public static ImageTransform Rotate(double degrees)
    {
        Guard.Finite(degrees);
        var theta = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(theta), Math.Sin(theta));
        return new((r, c, h, w) =>
        {
            var (x, y) = (c - Centre(w), Centre(h) - r);
            var (xs, ys) = ((x * cos) + (y * sin), (-x * sin) + (y * cos));
            return (Centre(h) - ys, Centre(w) + xs);
        });
    }

    /// <summary>This transform followed by <paramref name="next"/>: the output looks up next's inverse, then this one's.</summary>
    public ImageTransform Then(ImageTransform next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new((r, c, h, w) =>
        {
            var (r1, c1) = next._inverse(r, c, h, w);
            return _inverse(r1, c1, h, w);
        });
    }

    /// <summary>Applies the transform to a row-major image of <paramref name="height"/>×<paramref name="width"/> pixels.</summary>
    public double[] Apply(ReadOnlySpan<double> image, int height, int width, double fill = 0)
    {
        if (image.Length != height * width)
        {
            throw new ArgumentException($"A {height}×{width} image has {height * width} pixels; received {image.Length}.", nameof(image));
        }
        var output = new double[image.Length];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var (sr, sc) = _inverse(r, c, height, width);
                var (ir, ic) = ((int)Math.Round(sr, MidpointRounding.AwayFromZero), (int)Math.Round(sc, MidpointRounding.AwayFromZero));
                output[(r * width) + c] = ir >= 0 && ir < height && ic >= 0 && ic < width ? image[(ir * width) + ic] : fill;
            }
        }
        return output;
    }

    private static double Centre(int size) => (size - 1) / 2.0;
}
