using Regularizers.Core;

namespace Regularizers.Reference.Augmentation;

/// <summary>
/// Affine warp by per-pixel inverse mapping with bilinear interpolation (seed 004 §2.1, done right). With centred
/// coordinates <c>u = (c − (W−1)/2, r − (H−1)/2)</c> (x right, y down), the forward map is <c>u ↦ A·u + t</c>,
/// <c>A = s·R(θ)·Sx(φx)·Sy(φy)</c>, <c>R(θ) = [[cos θ, sin θ], [−sin θ, cos θ]]</c>, <c>Sx = [[1, tan φx], [0, 1]]</c>,
/// <c>Sy = [[1, 0], [tan φy, 1]]</c>. Output pixel (r, c) reads the source point <c>A⁻¹·(u − t)</c> (A inverted
/// numerically here) by bilinear interpolation of its four neighbouring pixels, each neighbour outside the image
/// counting as the fill value. This is <c>grid_sample(·, bilinear, zeros, align_corners = false)</c> applied to
/// <c>x − fill</c>, plus fill: the torch twin is <c>Regularizers.Torch.Augmentation.AffineWarp</c>.
/// </summary>
public static class AffineWarp
{
    /// <summary>Warps a row-major image of <paramref name="height"/>×<paramref name="width"/> pixels.</summary>
    public static double[] Apply(ReadOnlySpan<double> image, int height, int width, AffineParameters parameters, double fill = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.Positive(parameters.Scale);
        if (image.Length != height * width)
        {
            throw new ArgumentException($"A {height}×{width} image has {height * width} pixels; received {image.Length}.", nameof(image));
        }
        var inverse = Inverse(Forward(parameters));
        var (r0, c0) = ((height - 1) / 2.0, (width - 1) / 2.0);
        var output = new double[image.Length];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var (x, y) = (c - c0 - parameters.TranslateX, r - r0 - parameters.TranslateY);
                var sx = (inverse[0, 0] * x) + (inverse[0, 1] * y) + c0;
                var sy = (inverse[1, 0] * x) + (inverse[1, 1] * y) + r0;
                output[(r * width) + c] = Bilinear(image, height, width, sy, sx, fill);
            }
        }
        return output;
    }

    private static double[,] Forward(AffineParameters p)
    {
        var theta = p.Degrees * Math.PI / 180;
        double[,] rotation = { { Math.Cos(theta), Math.Sin(theta) }, { -Math.Sin(theta), Math.Cos(theta) } };
        double[,] shearX = { { 1, Math.Tan(p.ShearX * Math.PI / 180) }, { 0, 1 } };
        double[,] shearY = { { 1, 0 }, { Math.Tan(p.ShearY * Math.PI / 180), 1 } };
        var a = Multiply(Multiply(rotation, shearX), shearY);
        return new[,] { { p.Scale * a[0, 0], p.Scale * a[0, 1] }, { p.Scale * a[1, 0], p.Scale * a[1, 1] } };
    }

    private static double[,] Multiply(double[,] a, double[,] b) => new[,]
    {
        { (a[0, 0] * b[0, 0]) + (a[0, 1] * b[1, 0]), (a[0, 0] * b[0, 1]) + (a[0, 1] * b[1, 1]) },
        { (a[1, 0] * b[0, 0]) + (a[1, 1] * b[1, 0]), (a[1, 0] * b[0, 1]) + (a[1, 1] * b[1, 1]) },
    };

    private static double[,] Inverse(double[,] a)
    {
        var det = (a[0, 0] * a[1, 1]) - (a[0, 1] * a[1, 0]);
        return new[,] { { a[1, 1] / det, -a[0, 1] / det }, { -a[1, 0] / det, a[0, 0] / det } };
    }

    private static double Bilinear(ReadOnlySpan<double> image, int height, int width, double row, double col, double fill)
    {
        var (top, left) = ((int)Math.Floor(row), (int)Math.Floor(col));
        var (dy, dx) = (row - top, col - left);
        return ((1 - dy) * (((1 - dx) * At(image, height, width, top, left, fill)) + (dx * At(image, height, width, top, left + 1, fill))))
            + (dy * (((1 - dx) * At(image, height, width, top + 1, left, fill)) + (dx * At(image, height, width, top + 1, left + 1, fill))));
    }

    private static double At(ReadOnlySpan<double> image, int height, int width, int r, int c, double fill) =>
        r >= 0 && r < height && c >= 0 && c < width ? image[(r * width) + c] : fill;
}
