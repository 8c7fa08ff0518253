using Regularizers.Cli.Reports.Charts;

namespace Regularizers.Cli.Tests.Reports.Charts;

public class IntervalChartTests
{
    [Fact]
    public void Create_ThreeEstimates_RowsSortedWithTheLargestOnTop()
    {
        var svg = IntervalChart.Create("Δ (points)", [new("b", 2.0, 1.0, 3.0), new("a", -1.0, -2.5, 0.5), new("c", 0.5, 0.0, 1.0)]).Svg("e");

        // ScottPlot writes the left axis's labels bottom to top: the smallest estimate first.
        var labels = SvgText.Labels(svg);
        Assert.Equal(["a", "c", "b"], labels.Where(l => l is "a" or "b" or "c").ToList());
        Assert.Contains("Δ (points)", labels);
        Assert.Equal(3, SvgText.Count(svg, "ellipse"));
    }

    [Fact]
    public void Create_NoEstimates_ThrowsNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => IntervalChart.Create("x", []));

        Assert.Equal("estimates", error.ParamName);
    }

    [Fact]
    public void Create_OneSeedWithoutInterval_DrawsTheDotAlone()
    {
        var svg = IntervalChart.Create("x", [new("a", 1.0, double.NaN, double.NaN), new("b", 2.0, 1.5, 2.5)]).Svg("e");

        Assert.Equal(2, SvgText.Count(svg, "ellipse"));
    }
}
