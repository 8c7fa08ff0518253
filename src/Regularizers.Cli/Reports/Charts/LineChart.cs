using System.Globalization;
using ScottPlot;

namespace Regularizers.Cli.Reports.Charts;

/// <summary>
/// Lines over a shared x axis, each optionally with a translucent band, plus labelled vertical markers (a stop epoch,
/// a restored epoch). With <see cref="LogX"/> the x axis is logarithmic, ticked at powers of ten; when every x is a whole
/// number (epochs, ensemble sizes) it is ticked at whole numbers only.
/// </summary>
public sealed class LineChart
{
    private readonly List<Series> _series = [];
    private readonly List<(double X, string Label)> _marks = [];

    /// <summary>A chart with the given axis titles (say the unit) and an optional title.</summary>
    public LineChart(string xLabel, string yLabel, string? title = null)
    {
        XLabel = xLabel;
        YLabel = yLabel;
        Title = title;
    }

    /// <summary>The x axis title.</summary>
    public string XLabel { get; }

    /// <summary>The y axis title.</summary>
    public string YLabel { get; }

    /// <summary>The title above the plot, or null.</summary>
    public string? Title { get; }

    /// <summary>Whether the x axis is logarithmic (every x must then be positive).</summary>
    public bool LogX { get; init; }

    /// <summary>Whether the legend is drawn (on by default; small multiples leave it to a shared caption).</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>Adds a line.</summary>
    public LineChart Add(Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Y.Count != series.X.Count || (series.Low?.Count ?? series.X.Count) != series.X.Count || (series.High?.Count ?? series.X.Count) != series.X.Count)
        {
            throw new ArgumentException($"Series '{series.Name}' has {series.X.Count} x values but {series.Y.Count} y values and {series.Low?.Count} / {series.High?.Count} band values; they must be equal.", nameof(series));
        }
        if (LogX && series.X.Any(x => !(x > 0)))
        {
            throw new ArgumentException($"Series '{series.Name}' has an x value ≤ 0, which a logarithmic x axis cannot show.", nameof(series));
        }
        _series.Add(series);
        return this;
    }

    /// <summary>Adds a thin vertical line at <paramref name="x"/> labelled <paramref name="label"/>.</summary>
    public LineChart Mark(double x, string label)
    {
        _marks.Add((x, label));
        return this;
    }

    /// <summary>Draws the chart at <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public Chart Build(int width = 760, int height = 400)
    {
        var plot = ChartStyle.NewPlot(Title, XLabel, YLabel);
        var colour = 0;
        foreach (var series in _series)
        {
            var color = series.IsReference ? ChartStyle.Reference : ChartStyle.Series(colour++);
            var x = series.X.Select(Position).ToArray();
            if (series.Low is not null && series.High is not null)
            {
                var band = plot.Add.FillY(x, series.Low.ToArray(), series.High.ToArray());
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }
            var line = plot.Add.ScatterLine(x, series.Y.ToArray(), color);
            line.LineWidth = 2;
            line.LegendText = series.Name;
            line.MarkerSize = series.ShowMarkers ? 7 : 0;
            if (series.IsReference)
            {
                line.LineWidth = 1.5f;
            }
        }
        foreach (var (x, label) in _marks)
        {
            var mark = plot.Add.VerticalLine(Position(x), 1, Colors.Black);
            mark.LabelText = label;
            mark.LabelOppositeAxis = true;
            mark.LabelFontSize = 12;
        }
        if (_marks.Count > 0)
        {
            // The marks' labels sit on the top edge; without room reserved there they are cut off.
            plot.Axes.Top.MinimumSize = 26;
        }
        if (!LogX && _series.SelectMany(s => s.X).All(x => x == Math.Floor(x)))
        {
            // Epochs and ensemble sizes: a tick at 2.5 epochs would name a point that does not exist.
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { MinimumTickSpacing = 60, IntegerTicksOnly = true };
        }
        if (LogX)
        {
            var decades = _series.SelectMany(s => s.X).Select(Math.Log10).ToList();
            var ticks = Enumerable.Range((int)Math.Floor(decades.Min()), (int)Math.Ceiling(decades.Max()) - (int)Math.Floor(decades.Min()) + 1).ToArray();
            plot.Axes.Bottom.SetTicks(ticks.Select(t => (double)t).ToArray(), ticks.Select(PowerOfTen).ToArray());
        }
        if (ShowLegend && _series.Count > 1)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }
        else
        {
            plot.HideLegend();
        }
        return new Chart(plot, width, height);
    }

    private double Position(double x) => LogX ? Math.Log10(x) : x;

    private static string PowerOfTen(int exponent) => exponent switch
    {
        >= 0 and <= 3 => Math.Pow(10, exponent).ToString(CultureInfo.InvariantCulture),
        _ => "1e" + exponent.ToString(CultureInfo.InvariantCulture),
    };
}
