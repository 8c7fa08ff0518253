using System.Text.RegularExpressions;
using ScottPlot;

namespace Regularizers.Cli.Reports.Charts;

/// <summary>
/// A finished ScottPlot <see cref="ScottPlot.Plot"/> and the size it is drawn at: inline SVG for the HTML report, PNG for
/// notebooks (a code host shows a notebook's PNG outputs, not its scripts). <see cref="Plot"/> stays open for a user who
/// wants to restyle it before drawing.
/// </summary>
public sealed partial class Chart
{
    /// <summary>Wraps <paramref name="plot"/>, drawn at <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public Chart(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 50);
        Plot = plot;
        Width = width;
        Height = height;
    }

    /// <summary>The ScottPlot plot.</summary>
    public Plot Plot { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>
    /// The chart as an <c>&lt;svg&gt;</c> element to place inline in HTML. ScottPlot numbers its clip paths the same way
    /// in every chart, so two charts on one page would clip each other: every id and its references get
    /// <paramref name="id"/> as a prefix, and the element gets <paramref name="id"/> as its own id.
    /// </summary>
    public string Svg(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var svg = Plot.GetSvgXml(Width, Height);
        svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
        svg = IdAttribute().Replace(svg, m => $"id=\"{id}-{m.Groups[1].Value}\"");
        svg = IdReference().Replace(svg, m => $"url(#{id}-{m.Groups[1].Value})");
        return string.Concat("<svg id=\"", id, "\"", svg.AsSpan(4));
    }

    /// <summary>The chart as PNG bytes.</summary>
    public byte[] Png() => Plot.GetImageBytes(Width, Height, ImageFormat.Png);

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex IdReference();
}
