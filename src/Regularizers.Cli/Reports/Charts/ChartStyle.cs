using ScottPlot;
using ScottPlot.TickGenerators;

namespace Regularizers.Cli.Reports.Charts;

/// <summary>
/// What every chart shares: one sans-serif font, the Category10 palette and ticks at round values. Lines are solid:
/// Skia's SVG backend cannot write a dash pattern and says so on the process's standard error, so reference lines are
/// told apart by their grey instead.
/// </summary>
internal static class ChartStyle
{
    /// <summary>Debian's fonts-dejavu-core (installed by the bootstrap) has Δ, λ, σ and ε; ScottPlot's own pick is a serif face.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>The neutral colour of reference series (the baseline, zero lines).</summary>
    public static readonly Color Reference = Color.FromHex("#7f7f7f");

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static Color Series(int index) => Colors.Category10[index % Colors.Category10.Length];

    /// <summary>A new plot with the shared font and round ticks at a readable spacing.</summary>
    public static Plot NewPlot(string? title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { MinimumTickSpacing = 60 };
        plot.Axes.Left.TickGenerator = new NumericAutomatic { MinimumTickSpacing = 30 };
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        if (title is not null)
        {
            plot.Title(title, 14);
        }
        return plot;
    }
}
