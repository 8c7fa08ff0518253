using ScottPlot;

namespace Regularizers.Cli.Reports.Charts;

/// <summary>Named points, each labelled directly beside its marker rather than through a legend.</summary>
public static class ScatterChart
{
    /// <summary>Draws <paramref name="points"/>; the first one, if <paramref name="firstIsReference"/>, in the reference colour.</summary>
    public static Chart Create(string xLabel, string yLabel, IReadOnlyList<LabeledPoint> points, bool firstIsReference = false, int width = 760, int height = 460)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = ChartStyle.NewPlot(null, xLabel, yLabel);
        for (var i = 0; i < points.Count; i++)
        {
            var color = firstIsReference && i == 0 ? ChartStyle.Reference : ChartStyle.Series(0);
            var marker = plot.Add.Marker(points[i].X, points[i].Y, MarkerShape.FilledCircle, 9, color);
            marker.LegendText = "";
            var label = plot.Add.Text(points[i].Label, points[i].X, points[i].Y);
            label.LabelFontSize = 11;
            label.LabelFontColor = Colors.Black.WithAlpha(0.8);
            label.LabelFontName = ChartStyle.FontName;
            label.OffsetX = 7;
            label.OffsetY = -7;
        }
        // Labels extend right of their points: leave room for the longest at the right edge.
        plot.Axes.Margins(0.12, 0.1);
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimitsX(limits.Left, limits.Right + ((limits.Right - limits.Left) * 0.15));
        return new Chart(plot, width, height);
    }
}
