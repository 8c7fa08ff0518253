using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>
/// Per-image affine warps of a batch <c>[N, C, H, W]</c> in one pass (<c>affine_grid</c> + bilinear <c>grid_sample</c>).
/// Pixel (r, c) has centred coordinates <c>u = (c − (W−1)/2, r − (H−1)/2)</c> (x right, y down). Image n is mapped
/// forward by <c>u ↦ A·u + t</c> with <c>A = s·R(θ)·Sx(φx)·Sy(φy)</c>, where <c>R(θ) = [[cos θ, sin θ], [−sin θ, cos θ]]</c>
/// turns counter-clockwise as displayed, <c>Sx = [[1, tan φx], [0, 1]]</c>, <c>Sy = [[1, 0], [tan φy, 1]]</c>, s is the
/// scale and t the translation in pixels. Each output pixel reads the input bilinearly at the inverse map
/// <c>A⁻¹·(u − t)</c>; samples outside the image read the fill value (so edges blend into it). Coordinates use
/// <c>align_corners = false</c>: pixel centres sit at <c>(2c + 1)/W − 1</c>, the image's edges at ±1, so the normalised
/// matrix is <c>D·A⁻¹·D⁻¹</c> with <c>D = diag(2/W, 2/H)</c>. Seed 004 §2.1's inverse mapping, done in one libtorch op;
/// its plain-C# twin is <c>Regularizers.Reference.Augmentation.AffineWarp</c>.
/// </summary>
public static class AffineWarp
{
    /// <summary>
    /// Warps image n by <c>degrees[n]</c> (θ), <c>translate[n] = (tx, ty)</c> pixels, <c>scale[n]</c> (s &gt; 0) and
    /// <c>shear[n] = (φx, φy)</c> degrees; all parameter tensors are floating point with N rows.
    /// </summary>
    public static Tensor warp(Tensor input, Tensor degrees, Tensor translate, Tensor scale, Tensor shear, double fill = 0)
    {
        ImageBatch.Check(input);
        Guard.Finite(fill);
        using var scope = NewDisposeScope();
        var (height, width) = (input.shape[2], input.shape[3]);
        var theta = Theta(degrees, translate, scale, shear, height, width).to(input.dtype, input.device);
        var grid = nn.functional.affine_grid(theta, input.shape, align_corners: false);
        var shifted = fill == 0 ? input : input - fill;
        var warped = nn.functional.grid_sample(shifted, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
        return (fill == 0 ? warped : warped + fill).MoveToOuterDisposeScope();
    }

    /// <summary>The normalised inverse matrices <c>[N, 2, 3]</c> in float64.</summary>
    internal static Tensor Theta(Tensor degrees, Tensor translate, Tensor scale, Tensor shear, long height, long width)
    {
        using var scope = NewDisposeScope();
        var radians = degrees.to_type(ScalarType.Float64) * (Math.PI / 180);
        var (cos, sin) = (radians.cos(), radians.sin());
        var tangents = (shear.to_type(ScalarType.Float64) * (Math.PI / 180)).tan();
        var (a, b) = (tangents[.., 0], tangents[.., 1]);
        var s = scale.to_type(ScalarType.Float64);
        // A⁻¹ = Sy⁻¹·Sx⁻¹·R(θ)ᵀ / s, written out.
        var b00 = (cos - (a * sin)) / s;
        var b01 = (-sin - (a * cos)) / s;
        var b10 = (sin - (b * cos) + (a * b * sin)) / s;
        var b11 = (cos + (b * sin) + (a * b * cos)) / s;
        var t = translate.to_type(ScalarType.Float64);
        var (tx, ty) = (t[.., 0], t[.., 1]);
        var (w, h) = ((double)width, (double)height);
        var row0 = stack([b00, b01 * (h / w), -((b00 * tx) + (b01 * ty)) * (2 / w)], 1);
        var row1 = stack([b10 * (w / h), b11, -((b10 * tx) + (b11 * ty)) * (2 / h)], 1);
        return stack([row0, row1], 1).MoveToOuterDisposeScope();
    }
}
