using Regularizers.Core.Tests;
using Regularizers.Cli.Statistics;

namespace Regularizers.Cli.Tests.Statistics;

public class StudentTTests
{
    [Theory]
    [InlineData(0.975, 1, 12.706204736174698)]
    [InlineData(0.975, 2, 4.302652729749464)]
    [InlineData(0.975, 4, 2.7764451051977987)]
    [InlineData(0.975, 10, 2.2281388519862735)]
    [InlineData(0.95, 30, 1.6972608865939574)]
    [InlineData(0.995, 5, 4.032142983557536)]
    public void Quantile_KnownValues_MatchTables(double probability, int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(probability, degreesOfFreedom), 1e-9);

    [Fact]
    public void Quantile_OneDegree_IsCauchyClosedForm() =>
        Assert.Equal(Math.Tan(Math.PI * (0.9 - 0.5)), StudentT.Quantile(0.9, 1), 1e-12);

    [Fact]
    public void Quantile_LowerTail_IsNegatedUpperTail() =>
        Assert.Equal(-2.7764451051977987, StudentT.Quantile(0.025, 4), 1e-9);

    [Fact]
    public void Quantile_Median_IsZero() => Assert.Equal(0, StudentT.Quantile(0.5, 3), 1e-15);

    [Fact]
    public void Quantile_ManyDegrees_ApproachesNormal() =>
        Assert.Equal(1.959963984540054, StudentT.Quantile(0.975, 100_000), 1e-4);

    [Fact]
    public void Cdf_InvertsQuantile()
    {
        Assert.Equal(0.975, StudentT.Cdf(2.7764451051977987, 4), 1e-12);
        Assert.Equal(0.5, StudentT.Cdf(0, 7), 1e-15);
        Assert.Equal(1 - StudentT.Cdf(1.3, 6), StudentT.Cdf(-1.3, 6), 1e-15);
    }

    [Fact]
    public void Cdf_TwoDegrees_MatchesClosedForm() =>
        Assert.Equal(0.5 + (1.5 / (2 * Math.Sqrt(2 + (1.5 * 1.5)))), StudentT.Cdf(1.5, 2), 1e-14);

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "NaN")]
    public void Quantile_ProbabilityOutsideOpenUnitInterval_Throws(double probability, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(probability, 4));

        Assert.Equal(
            Messages.OutOfRange($"probability must be a finite number in the range (0, 1). Received: probability={shown}.", "probability", shown),
            error.Message);
    }

    [Fact]
    public void Quantile_ZeroDegrees_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.975, 0));

        Assert.Equal(
            Messages.OutOfRange("degreesOfFreedom must be an integer greater than or equal to 1. Received: degreesOfFreedom=0.", "degreesOfFreedom", "0"),
            error.Message);
    }
}
