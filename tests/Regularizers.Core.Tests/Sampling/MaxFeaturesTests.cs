using Regularizers.Core.Sampling;

namespace Regularizers.Core.Tests.Sampling;

public class MaxFeaturesTests
{
    [Theory]
    [InlineData(0.5, 7, 3)]
    [InlineData(0.01, 10, 1)]
    [InlineData(1.0, 10, 10)]
    public void Resolve_Fraction_IsFloorWithAtLeastOne(double fraction, int features, int expected) =>
        Assert.Equal(expected, MaxFeatures.Fraction(fraction).Resolve(features));

    [Fact]
    public void Resolve_Count_IsTheCount() => Assert.Equal(4, MaxFeatures.Count(4).Resolve(10));

    [Fact]
    public void Resolve_All_IsEveryFeatureAndZeroForNone()
    {
        Assert.Equal(12, MaxFeatures.All.Resolve(12));
        Assert.Equal(0, MaxFeatures.All.Resolve(0));
    }

    [Fact]
    public void Resolve_CountAboveFeatureCount_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MaxFeatures.Count(11).Resolve(10));

        Assert.Equal(
            Messages.OutOfRange("featureCount must be at least the 11 features that maxFeatures asks for. Received: featureCount=10.", "featureCount", "10"),
            error.Message);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.25, "1.25")]
    public void Fraction_OutsideUnitInterval_Throws(double fraction, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MaxFeatures.Fraction(fraction));

        Assert.Equal(
            Messages.OutOfRange($"fraction must be a finite number in the range (0, 1]. Received: fraction={shown}.", "fraction", shown),
            error.Message);
    }

    [Fact]
    public void Count_Zero_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MaxFeatures.Count(0));

        Assert.Equal(Messages.OutOfRange("count must be an integer greater than or equal to 1. Received: count=0.", "count", "0"), error.Message);
    }

    [Fact]
    public void ToString_DescribesTheSetting()
    {
        Assert.Equal("All", MaxFeatures.All.ToString());
        Assert.Equal("Fraction(0.3)", MaxFeatures.Fraction(0.3).ToString());
        Assert.Equal("Count(5)", MaxFeatures.Count(5).ToString());
    }
}
