using Regularizers.Core.Tests;
using Regularizers.Cli.Statistics;

namespace Regularizers.Cli.Tests.Statistics;

public class RunningStatisticsTests
{
    [Fact]
    public void Of_OneToFive_MeanVarianceAndInterval()
    {
        var statistics = RunningStatistics.Of([1, 2, 3, 4, 5]);

        Assert.Equal(5, statistics.Count);
        Assert.Equal(3, statistics.Mean, 15);
        Assert.Equal(2.5, statistics.Variance, 14);
        Assert.Equal(Math.Sqrt(2.5), statistics.StandardDeviation, 14);
        Assert.Equal(Math.Sqrt(0.5), statistics.StandardError, 14);

        // 3 ± t(0.975, 4)·√0.5 = 3 ± 2.7764451·0.7071068 = 3 ± 1.9632432.
        var interval = statistics.ConfidenceInterval();
        Assert.Equal(1.9632432, interval.HalfWidth, 6);
        Assert.Equal(1.0367568, interval.Lower, 6);
        Assert.Equal(4.9632432, interval.Upper, 6);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void ConfidenceInterval_Level99_IsWider()
    {
        var statistics = RunningStatistics.Of([1, 2, 3, 4, 5]);

        Assert.Equal(4.604094871415897 * Math.Sqrt(0.5), statistics.ConfidenceInterval(0.99).HalfWidth, 8);
    }

    [Fact]
    public void Add_LargeOffset_VarianceStaysAccurate()
    {
        var statistics = RunningStatistics.Of([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5]);

        Assert.Equal(2.5, statistics.Variance, 6);
        Assert.Equal(1e9 + 3, statistics.Mean, 6);
    }

    [Fact]
    public void ConfidenceInterval_SingleValue_HalfWidthIsNaN()
    {
        var statistics = RunningStatistics.Of([0.42]);

        Assert.Equal(0.42, statistics.Mean);
        Assert.True(double.IsNaN(statistics.Variance));
        Assert.True(double.IsNaN(statistics.ConfidenceInterval().HalfWidth));
    }

    [Fact]
    public void Mean_Empty_IsNaN()
    {
        var statistics = new RunningStatistics();

        Assert.Equal(0, statistics.Count);
        Assert.True(double.IsNaN(statistics.Mean));
    }

    [Fact]
    public void Contains_DifferenceIntervalExcludingZero_IsSignificant()
    {
        var differences = RunningStatistics.Of([0.011, 0.013, 0.009, 0.012, 0.010]).ConfidenceInterval();
        var noise = RunningStatistics.Of([0.01, -0.02, 0.015, -0.005, 0.0]).ConfidenceInterval();

        Assert.False(differences.Contains(0));
        Assert.True(differences.Contains(0.011));
        Assert.True(noise.Contains(0));
    }

    [Fact]
    public void Add_NaN_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RunningStatistics().Add(double.NaN));

        Assert.Equal(Messages.OutOfRange("value must be a finite number. Received: value=NaN.", "value", "NaN"), error.Message);
    }

    [Fact]
    public void ConfidenceInterval_LevelOne_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RunningStatistics.Of([1, 2]).ConfidenceInterval(1));

        Assert.Equal(Messages.OutOfRange("level must be a finite number in the range (0, 1). Received: level=1.", "level", "1"), error.Message);
    }
}
