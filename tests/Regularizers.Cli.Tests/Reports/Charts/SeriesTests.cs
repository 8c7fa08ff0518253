using Regularizers.Cli.Reports.Charts;

namespace Regularizers.Cli.Tests.Reports.Charts;

public class SeriesTests
{
    [Fact]
    public void MeanOf_RunsOfDifferentLengths_MeanAndRangeOverTheSharedEpochs()
    {
        var series = Series.MeanOf("loss", [[1.0, 0.6, 0.4], [3.0, 1.0]]);

        Assert.Equal([1.0, 2.0], series.X);
        Assert.Equal([2.0, 0.8], series.Y);
        Assert.Equal([1.0, 0.6], series.Low!);
        Assert.Equal([3.0, 1.0], series.High!);
    }

    [Fact]
    public void MeanOf_NoRuns_IsEmpty()
    {
        var series = Series.MeanOf("loss", []);

        Assert.Empty(series.X);
        Assert.Empty(series.Y);
    }
}
