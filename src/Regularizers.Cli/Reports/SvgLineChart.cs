using System.Globalization;
using System.Net;
using System.Text;

namespace Regularizers.Cli.Reports;

/// <summary>
/// A self-contained SVG line chart: one <c>&lt;polyline&gt;</c> per series over x = 1..n, linear axes with ticks, and
/// a legend; non-finite values are skipped.
/// </summary>
internal static class SvgLineChart
{
    private const int Width = 900;
    private const int Height = 380;
    private const int Left = 64;
    private const int Right = 230;
    private const int Top = 36;
    private const int Bottom = 48;

    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
    ];

    /// <summary>Renders the chart.</summary>
    /// <param name="id">The <c>id</c> of the <c>&lt;svg&gt;</c> element.</param>
    /// <param name="title">Title above the plot.</param>
    /// <param name="xLabel">Label of the x axis.</param>
    /// <param name="yLabel">Label of the y axis.</param>
    /// <param name="series">Named series; value i is plotted at x = i + 1.</param>
    public static string Render(string id, string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        var finite = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        var xMax = Math.Max(2, series.Count == 0 ? 2 : series.Max(s => s.Values.Count));
        var (yMin, yMax) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
        if (yMax - yMin < 1e-9)
        {
            (yMin, yMax) = (yMin - 0.5, yMax + 0.5);
        }
        var pad = (yMax - yMin) * 0.05;
        (yMin, yMax) = (yMin - pad, yMax + pad);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(double x) => Left + ((x - 1) / (xMax - 1) * plotWidth);
        double Y(double y) => Top + ((yMax - y) / (yMax - yMin) * plotHeight);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg id=\"{Escape(id)}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\">"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{Escape(title)}</text>"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#999\"/>"));
        for (var i = 0; i <= 4; i++)
        {
            var value = yMin + ((yMax - yMin) * i / 4);
            var y = Y(value);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + plotWidth}\" y2=\"{y:F1}\" stroke=\"#eee\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" font-size=\"11\" text-anchor=\"end\">{value:G4}</text>"));
        }
        var step = Math.Max(1, (int)Math.Ceiling(xMax / 12.0));
        for (var x = 1; x <= xMax; x += step)
        {
            svg.Append(Invariant($"<text x=\"{X(x):F1}\" y=\"{Top + plotHeight + 16}\" font-size=\"11\" text-anchor=\"middle\">{x}</text>"));
        }
        svg.Append(Invariant($"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 10}\" font-size=\"12\" text-anchor=\"middle\">{Escape(xLabel)}</text>"));
        svg.Append(Invariant($"<text x=\"16\" y=\"{Top + (plotHeight / 2)}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 16 {Top + (plotHeight / 2)})\">{Escape(yLabel)}</text>"));
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            // Past ten series the hues get close, so the second ten are dashed.
            var dash = s >= 10 ? " stroke-dasharray=\"6 3\"" : "";
            var points = series[s].Values
                .Select((v, i) => (v, i))
                .Where(p => double.IsFinite(p.v))
                .Select(p => Invariant($"{X(p.i + 1):F1},{Y(p.v):F1}"));
            svg.Append(Invariant($"<polyline data-series=\"{Escape(series[s].Name)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{dash} points=\"{string.Join(' ', points)}\"/>"));
            var legendY = Top + 8 + (s * 17);
            svg.Append(Invariant($"<line x1=\"{Width - Right + 14}\" y1=\"{legendY}\" x2=\"{Width - Right + 34}\" y2=\"{legendY}\" stroke=\"{color}\" stroke-width=\"3\"{dash}/>"));
            svg.Append(Invariant($"<text x=\"{Width - Right + 40}\" y=\"{legendY + 4}\" font-size=\"12\">{Escape(series[s].Name)}</text>"));
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
