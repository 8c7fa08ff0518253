using Regularizers.Cli.Reports.Charts;

namespace Regularizers.Cli.Tests.Reports.Charts;

public class LineChartTests
{
    [Fact]
    public void Build_LogX_TicksAtEveryPowerOfTenSpanned()
    {
        var svg = new LineChart("λ", "accuracy (%)") { LogX = true }.Add(new Series("l2", [1e-4, 1e-3, 1e-2], [80.0, 81.0, 79.0])).Build().Svg("s");

        var labels = SvgText.Labels(svg);
        Assert.Equal(["1e-4", "1e-3", "1e-2"], labels.Where(l => l.StartsWith("1e", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void Build_WholeNumberX_TicksOnlyAtWholeNumbers()
    {
        var svg = new LineChart("members", "accuracy (%)").Add(new Series("bagging", [1.0, 2.0, 3.0, 4.0, 5.0], [70.0, 71.0, 71.5, 72.0, 72.1])).Build().Svg("s");

        var labels = SvgText.Labels(svg);
        Assert.Contains("3", labels);
        Assert.DoesNotContain("2.5", labels);
        Assert.DoesNotContain("1.5", labels);
    }

    [Fact]
    public void Add_BandOfAnotherLength_ThrowsNamingTheSeries()
    {
        var error = Assert.Throws<ArgumentException>(() => new LineChart("x", "y").Add(new Series("a", [1.0, 2.0], [1.0, 2.0], [0.5], [1.5])));

        Assert.Equal("series", error.ParamName);
        Assert.StartsWith("Series 'a' has 2 x values but 2 y values and 1 / 1 band values; they must be equal.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NonPositiveXOnLogAxis_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new LineChart("x", "y") { LogX = true }.Add(new Series("a", [0.0, 1.0], [1.0, 2.0])));

        Assert.StartsWith("Series 'a' has an x value ≤ 0, which a logarithmic x axis cannot show.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoSeriesAndAMark_LegendNamesBothAndTheMarkIsLabelled()
    {
        var svg = new LineChart("epoch", "loss")
            .Add(new Series("training", [1.0, 2.0, 3.0], [2.0, 1.0, 0.5]))
            .Add(new Series("validation", [1.0, 2.0, 3.0], [2.1, 1.4, 1.6]))
            .Mark(2, "stopped")
            .Build().Svg("s");

        var labels = SvgText.Labels(svg);
        Assert.Contains("training", labels);
        Assert.Contains("validation", labels);
        Assert.Contains("stopped", labels);
    }

    [Fact]
    public void Build_LegendOff_NamesNoSeries()
    {
        var svg = new LineChart("epoch", "loss") { ShowLegend = false }
            .Add(new Series("training", [1.0, 2.0], [2.0, 1.0]))
            .Add(new Series("validation", [1.0, 2.0], [2.1, 1.4]))
            .Build().Svg("s");

        Assert.DoesNotContain("training", SvgText.Labels(svg));
    }
}
