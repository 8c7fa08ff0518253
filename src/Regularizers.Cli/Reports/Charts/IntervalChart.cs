using ScottPlot;

namespace Regularizers.Cli.Reports.Charts;

/// <summary>
/// A forest plot: one row per estimate, sorted with the largest at the top, a dot at the estimate, a bar over its
/// interval and a grey line at zero, so what is reliably better or worse than the reference reads off at a glance.
/// </summary>
public static class IntervalChart
{
    /// <summary>Draws <paramref name="estimates"/> against an x axis titled <paramref name="axisLabel"/>.</summary>
    public static Chart Create(string axisLabel, IReadOnlyList<IntervalEstimate> estimates, int width = 760)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        if (estimates.Count == 0)
        {
            throw new ArgumentException("There must be at least one estimate to draw.", nameof(estimates));
        }
        var sorted = estimates.OrderBy(e => e.Estimate).ToList();
        var rows = Enumerable.Range(0, sorted.Count).Select(i => (double)i).ToArray();
        var plot = ChartStyle.NewPlot(null, axisLabel, "");
        plot.Add.VerticalLine(0, 1.5f, ChartStyle.Reference);
        var withInterval = Enumerable.Range(0, sorted.Count).Where(i => double.IsFinite(sorted[i].Low) && double.IsFinite(sorted[i].High)).ToList();
        if (withInterval.Count > 0)
        {
            var bars = new ScottPlot.Plottables.ErrorBar(
                withInterval.Select(i => sorted[i].Estimate).ToArray(), withInterval.Select(i => rows[i]).ToArray(),
                withInterval.Select(i => sorted[i].High - sorted[i].Estimate).ToArray(),
                withInterval.Select(i => sorted[i].Estimate - sorted[i].Low).ToArray(), null!, null!)
            {
                Color = ChartStyle.Series(0), LineWidth = 1.5f, CapSize = 5,
            };
            plot.Add.Plottable(bars);
        }
        var dots = plot.Add.ScatterPoints(sorted.Select(e => e.Estimate).ToArray(), rows, ChartStyle.Series(0));
        dots.MarkerSize = 8;
        plot.Axes.Left.SetTicks(rows, sorted.Select(e => e.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(-0.7, sorted.Count - 0.3);
        plot.Grid.YAxisStyle.IsVisible = false;
        return new Chart(plot, width, 90 + (26 * sorted.Count));
    }
}
