using Regularizers.Reference.Augmentation;
using Regularizers.Torch.Augmentation;
using static Regularizers.Reference.Tests.Tolerances;
using ReferenceWarp = Regularizers.Reference.Augmentation.AffineWarp;
using TorchWarp = Regularizers.Torch.Augmentation.AffineWarp;

namespace Regularizers.Reference.Tests.Augmentation;

/// <summary>
/// The bilinear inverse-mapping warp against torch's affine_grid + grid_sample (align_corners = false) on the same
/// parameters, and against the nearest-pixel <see cref="ImageTransform"/> where the map hits pixel centres exactly.
/// </summary>
public class AffineWarpTests
{
    private static readonly AffineParameters[] Warps =
    [
        new(Degrees: 30),
        new(TranslateX: 1.25, TranslateY: -2.5),
        new(Scale: 1.3),
        new(Scale: 0.7),
        new(ShearX: 20),
        new(ShearY: -15),
        new(Degrees: -47, TranslateX: 0.6, TranslateY: 1.1, Scale: 1.15, ShearX: -12, ShearY: 8),
        new(Degrees: 180),
    ];

    [Theory]
    [InlineData(ScalarType.Float32, 0.0, 1e-5)]
    [InlineData(ScalarType.Float32, 0.3, 1e-5)]
    [InlineData(ScalarType.Float64, -0.8, 1e-10)]
    public void Warp_SameParameters_TorchEqualsTheReference(ScalarType dtype, double fill, double tolerance)
    {
        using var scope = NewDisposeScope();
        // 7×9 (not square, odd and even centres), two channels, one image per warp.
        const int channels = 2, height = 7, width = 9;
        manual_seed(40);
        var images = rand(new long[] { Warps.Length, channels, height, width }, dtype);
        var warped = TorchWarp.warp(
            images,
            tensor(Warps.Select(w => w.Degrees).ToArray()),
            tensor(Warps.SelectMany(w => new[] { w.TranslateX, w.TranslateY }).ToArray(), new long[] { Warps.Length, 2 }),
            tensor(Warps.Select(w => w.Scale).ToArray()),
            tensor(Warps.SelectMany(w => new[] { w.ShearX, w.ShearY }).ToArray(), new long[] { Warps.Length, 2 }),
            fill);

        for (var n = 0; n < Warps.Length; n++)
        {
            for (var c = 0; c < channels; c++)
            {
                var expected = ReferenceWarp.Apply(Doubles(images[n, c]), height, width, Warps[n], fill);
                Close(expected, Doubles(warped[n, c]), 0, tolerance);
            }
        }
    }

    [Fact]
    public void Warp_QuarterTurnAndWholePixelShift_EqualTheNearestPixelTransform()
    {
        double[] square = [1, 2, 3, 4, 5, 6, 7, 8, 9];

        Close(ImageTransform.Rotate(90).Apply(square, 3, 3), ReferenceWarp.Apply(square, 3, 3, new AffineParameters(Degrees: 90)), 0, 1e-12);
        Assert.Equal(ImageTransform.Translate(1, 1).Apply(square, 3, 3, fill: -1), ReferenceWarp.Apply(square, 3, 3, new AffineParameters(TranslateX: 1, TranslateY: 1), fill: -1));
    }

    [Fact]
    public void Warp_HalfPixelShiftRight_AveragesNeighboursAndBlendsTheFillAtTheEdge() =>
        // Output column c reads source column c − 0.5; column −0.5 is half fill (10), half pixel 0.
        Assert.Equal([5, 1, 3], ReferenceWarp.Apply([0, 2, 4], 1, 3, new AffineParameters(TranslateX: 0.5), fill: 10));

    [Fact]
    public void Flip_MirroredImages_EqualTheReferenceMirror()
    {
        using var scope = NewDisposeScope();
        manual_seed(41);
        var images = rand(3, 1, 4, 5);
        var flipped = RandomHorizontalFlip.flip(images, tensor(new[] { true, false, true }));

        Assert.Equal(ImageTransform.MirrorHorizontal.Apply(Doubles(images[0, 0]), 4, 5), Doubles(flipped[0, 0]));
        Assert.Equal(Doubles(images[1, 0]), Doubles(flipped[1, 0]));
        Assert.Equal(ImageTransform.MirrorHorizontal.Apply(Doubles(images[2, 0]), 4, 5), Doubles(flipped[2, 0]));
    }
}
