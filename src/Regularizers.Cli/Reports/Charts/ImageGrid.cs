using ScottPlot;

namespace Regularizers.Cli.Reports.Charts;

/// <summary>
/// Small grayscale images in a grid, row by row, each with its caption under it (one line per <c>\n</c>): for looking
/// at the examples a model gets wrong. Every image shares one gray scale, from the smallest value of all images (black)
/// to the largest (white), so brightness compares across the grid; each image pixel is drawn as
/// <see cref="PixelSize"/> × <see cref="PixelSize"/> screen pixels.
/// </summary>
public static class ImageGrid
{
    /// <summary>Screen pixels per image pixel, in each direction.</summary>
    public const int PixelSize = 4;

    /// <summary>Blank screen pixels between neighbouring images, and at the grid's top.</summary>
    public const int Gap = 12;

    /// <summary>Screen pixels per caption line.</summary>
    public const int LineHeight = 16;

    /// <summary>
    /// Draws <paramref name="pixels"/> (each a row-major <paramref name="height"/> × <paramref name="width"/> image, row 0
    /// at the top) in <paramref name="columns"/> columns, with <paramref name="captions"/>[i] under image i. The chart is
    /// min(columns, n) · (width·<see cref="PixelSize"/> + <see cref="Gap"/>) pixels wide and, for r rows and captions of
    /// at most L lines, r · (height·<see cref="PixelSize"/> + <see cref="Gap"/> + L·<see cref="LineHeight"/>) pixels high
    /// (a grid smaller than <see cref="Chart"/>'s 50 × 50 minimum is stretched to it).
    /// </summary>
    /// <exception cref="ArgumentException">There are no images, an image has another size, a value is not finite, or the captions do not match the images.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/>, <paramref name="width"/> or <paramref name="columns"/> is below 1.</exception>
    public static Chart Create(IReadOnlyList<float[]> pixels, int height, int width, IReadOnlyList<string> captions, int columns)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(captions);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Validate(pixels, height, width, captions);

        var used = Math.Min(columns, pixels.Count);
        var rows = (pixels.Count + used - 1) / used;
        var lines = captions.Max(c => c.Split('\n').Length);
        // One plot unit is one screen pixel, so the layout below is in screen pixels with y growing upwards.
        var cellWidth = (width * PixelSize) + Gap;
        var cellHeight = (height * PixelSize) + Gap + (lines * LineHeight);
        var plot = new Plot();
        plot.Font.Set(ChartStyle.FontName);
        plot.Layout.Frameless();
        plot.HideGrid();
        var low = pixels.Min(image => image.Min());
        var high = pixels.Max(image => image.Max());
        var range = high > low ? new ScottPlot.Range(low, high) : new ScottPlot.Range(low, low + 1);
        for (var i = 0; i < pixels.Count; i++)
        {
            var left = ((i % used) * cellWidth) + (Gap / 2.0);
            var top = ((rows - (i / used)) * cellHeight) - Gap;
            var bottom = top - (height * PixelSize);
            var heatmap = plot.Add.Heatmap(Intensities(pixels[i], height, width));
            heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
            heatmap.ManualRange = range;
            heatmap.Extent = new CoordinateRect(left, left + (width * PixelSize), bottom, top);
            var caption = plot.Add.Text(captions[i], left + (width * PixelSize / 2.0), bottom - 3);
            caption.LabelAlignment = Alignment.UpperCenter;
            caption.LabelFontName = ChartStyle.FontName;
            caption.LabelFontSize = 12;
            caption.LabelFontColor = Colors.Black;
            caption.LabelLineSpacing = LineHeight;
        }
        plot.Axes.SetLimits(0, used * cellWidth, 0, rows * cellHeight);
        return new Chart(plot, Math.Max(used * cellWidth, 50), Math.Max(rows * cellHeight, 50));
    }

    private static double[,] Intensities(float[] image, int height, int width)
    {
        var intensities = new double[height, width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                intensities[r, c] = image[(r * width) + c];
            }
        }
        return intensities;
    }

    private static void Validate(IReadOnlyList<float[]> pixels, int height, int width, IReadOnlyList<string> captions)
    {
        if (pixels.Count == 0)
        {
            throw new ArgumentException("There must be at least one image to draw.", nameof(pixels));
        }
        for (var i = 0; i < pixels.Count; i++)
        {
            if (pixels[i] is not { } image || image.Length != height * width)
            {
                throw new ArgumentException($"Image {i} has {pixels[i]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values; a {height}×{width} image has {height * width}.", nameof(pixels));
            }
            if (Array.FindIndex(image, v => !float.IsFinite(v)) is var bad and >= 0)
            {
                throw new ArgumentException($"Image {i} has the value {image[bad]} at index {bad}; every value must be finite.", nameof(pixels));
            }
        }
        if (captions.Count != pixels.Count)
        {
            throw new ArgumentException($"There are {pixels.Count} images but {captions.Count} captions; give one caption per image.", nameof(captions));
        }
        for (var i = 0; i < captions.Count; i++)
        {
            if (captions[i] is null)
            {
                throw new ArgumentException($"Caption {i} is null; give an empty string for an image without a caption.", nameof(captions));
            }
        }
    }
}
