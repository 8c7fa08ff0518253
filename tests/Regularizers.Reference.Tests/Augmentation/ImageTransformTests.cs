using Regularizers.Reference.Augmentation;

namespace Regularizers.Reference.Tests.Augmentation;

/// <summary>Rotations, translations, mirrors and scaling of the reference image transforms on small known images.</summary>
public class ImageTransformTests
{
    // 1 2 3
    // 4 5 6
    // 7 8 9
    private static readonly double[] Square = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Rotate90_ThreeByThree_TurnsCounterClockwiseAboutTheCentre() =>
        Assert.Equal([3, 6, 9, 2, 5, 8, 1, 4, 7], ImageTransform.Rotate(90).Apply(Square, 3, 3));

    [Fact]
    public void Rotate180_FourByFour_ReversesThePixels()
    {
        var image = Enumerable.Range(1, 16).Select(v => (double)v).ToArray();

        Assert.Equal(image.Reverse(), ImageTransform.Rotate(180).Apply(image, 4, 4));
    }

    [Fact]
    public void Rotate90_FourByFour_IsTheTransposeMirrored()
    {
        var image = Enumerable.Range(0, 16).Select(v => (double)v).ToArray();
        var expected = new double[16];
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                expected[(r * 4) + c] = image[(c * 4) + (3 - r)];
            }
        }

        Assert.Equal(expected, ImageTransform.Rotate(90).Apply(image, 4, 4));
    }

    [Fact]
    public void Translate_OneRowDownOneColumnRight_ShiftsAndFills() =>
        Assert.Equal([-1, -1, -1, -1, 1, 2, -1, 4, 5], ImageTransform.Translate(1, 1).Apply(Square, 3, 3, fill: -1));

    [Fact]
    public void Translate_BeyondTheImage_GivesOnlyFill() =>
        Assert.All(ImageTransform.Translate(0, 3).Apply(Square, 3, 3), v => Assert.Equal(0, v));

    [Fact]
    public void Mirror_Twice_IsTheIdentity()
    {
        Assert.Equal([3, 2, 1, 6, 5, 4, 9, 8, 7], ImageTransform.MirrorHorizontal.Apply(Square, 3, 3));
        Assert.Equal([7, 8, 9, 4, 5, 6, 1, 2, 3], ImageTransform.MirrorVertical.Apply(Square, 3, 3));
        Assert.Equal(Square, ImageTransform.MirrorHorizontal.Then(ImageTransform.MirrorHorizontal).Apply(Square, 3, 3));
    }

    [Fact]
    public void Scale_One_IsTheIdentityAndTwo_ZoomsOnTheCentre()
    {
        Assert.Equal(Square, ImageTransform.Scale(1).Apply(Square, 3, 3));
        // Sources at centre ± 0.5 round away from the centre pixel for the corners: (0.5, 0.5) → (1, 1).
        Assert.Equal([5, 5, 6, 5, 5, 6, 8, 8, 9], ImageTransform.Scale(2).Apply(Square, 3, 3));
    }

    [Fact]
    public void Rotate_FourTimes90_ReturnsTheImage()
    {
        var quarter = ImageTransform.Rotate(90);

        Assert.Equal(Square, quarter.Then(quarter).Then(quarter).Then(quarter).Apply(Square, 3, 3));
    }

    [Fact]
    public void Apply_WrongLength_ThrowsNamingTheSize()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageTransform.Identity.Apply(Square, 4, 4));

        Assert.StartsWith("A 4×4 image has 16 pixels; received 9.", e.Message, StringComparison.Ordinal);
    }
}
