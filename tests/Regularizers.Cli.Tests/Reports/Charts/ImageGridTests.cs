using System.Buffers.Binary;
using Regularizers.Cli.Reports.Charts;
using SkiaSharp;

namespace Regularizers.Cli.Tests.Reports.Charts;

public class ImageGridTests
{
    private const int Side = 28;

    // Cells are 28·4 + 12 = 124 pixels wide and, with one caption line, 28·4 + 12 + 16 = 140 high.
    private const int CellWidth = 124;
    private const int CellHeight = 140;

    private static float[] Filled(float value) => Enumerable.Repeat(value, Side * Side).ToArray();

    private static float[] TopLeftPixelOnly()
    {
        var image = new float[Side * Side];
        image[0] = 1;
        return image;
    }

    [Fact]
    public void Create_FiveImagesInThreeColumns_PngHasTwoRowsOfThreeCells()
    {
        var png = ImageGrid.Create([.. Enumerable.Range(0, 5).Select(i => Filled(i / 4f))], Side, Side, ["a", "b", "c", "d", "e"], 3).Png();

        Assert.Equal(3 * CellWidth, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(2 * CellHeight, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void Create_FewerImagesThanColumns_OnlyAsWideAsTheImages()
    {
        var chart = ImageGrid.Create([Filled(0), Filled(1)], Side, Side, ["a", "b"], 8);

        Assert.Equal(2 * CellWidth, chart.Width);
        Assert.Equal(CellHeight, chart.Height);
    }

    [Fact]
    public void Create_ThreeLineCaptions_CellsGrowByTwoLinesOfText()
    {
        var chart = ImageGrid.Create([Filled(0)], Side, Side, ["true Coat\npredicted Shirt\nσ 0.21"], 1);

        Assert.Equal(CellHeight + (2 * ImageGrid.LineHeight), chart.Height);
        Assert.Equal(["true Coat", "predicted Shirt", "σ 0.21"], SvgText.Labels(chart.Svg("g")));
    }

    [Fact]
    public void Create_Captions_AreTheSvgsTextInOrder()
    {
        var svg = ImageGrid.Create([Filled(0), Filled(0.5f), Filled(1)], Side, Side, ["Coat", "Shirt σ=0.21", "Bag"], 3).Svg("g");

        Assert.Equal(["Coat", "Shirt σ=0.21", "Bag"], SvgText.Labels(svg));
        Assert.Equal(3, SvgText.Count(svg, "image"));
    }

    [Fact]
    public void Create_LargestValueWhiteSmallestBlack_Row0AtTheTop()
    {
        using var bitmap = SKBitmap.Decode(ImageGrid.Create([TopLeftPixelOnly(), Filled(0)], Side, Side, ["a", "b"], 2).Png());

        // Image 0 starts Gap / 2 = 6 pixels from the left and Gap = 12 pixels from the top; its pixel (0, 0) covers 4×4.
        Assert.Equal(SKColors.White, bitmap.GetPixel(6 + 1, 12 + 1));
        Assert.Equal(SKColors.Black, bitmap.GetPixel(6 + 10, 12 + 1));
        Assert.Equal(SKColors.Black, bitmap.GetPixel(6 + 1, 12 + (Side * 4) - 2));
        Assert.Equal(SKColors.Black, bitmap.GetPixel(CellWidth + 6 + 50, 12 + 50));
        // The gap between the images is the white background.
        Assert.Equal(SKColors.White, bitmap.GetPixel(CellWidth, 12 + 50));
    }

    [Fact]
    public void Create_NoImages_ThrowsNamingPixels()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Create([], Side, Side, [], 4));

        Assert.Equal("pixels", error.ParamName);
        Assert.StartsWith("There must be at least one image to draw.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ImageOfAnotherSize_ThrowsNamingItsIndexAndLength()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Create([Filled(0), new float[700]], Side, Side, ["a", "b"], 2));

        Assert.Equal("pixels", error.ParamName);
        Assert.StartsWith("Image 1 has 700 values; a 28×28 image has 784.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NaNPixel_ThrowsNamingItsPosition()
    {
        var image = Filled(0);
        image[30] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Create([image], Side, Side, ["a"], 1));

        Assert.Equal("pixels", error.ParamName);
        Assert.StartsWith("Image 0 has the value NaN at index 30; every value must be finite.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CaptionsOfAnotherCount_ThrowsNamingCaptions()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Create([Filled(0), Filled(1)], Side, Side, ["only one"], 2));

        Assert.Equal("captions", error.ParamName);
        Assert.StartsWith("There are 2 images but 1 captions; give one caption per image.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 28, 4, "height")]
    [InlineData(28, 0, 4, "width")]
    [InlineData(28, 28, 0, "columns")]
    public void Create_SizeOrColumnsBelowOne_ThrowsNamingIt(int height, int width, int columns, string argument)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ImageGrid.Create([Filled(0)], height, width, ["a"], columns));

        Assert.Equal(argument, error.ParamName);
    }
}
