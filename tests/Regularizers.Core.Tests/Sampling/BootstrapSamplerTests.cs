using Regularizers.Core.Sampling;

namespace Regularizers.Core.Tests.Sampling;

public class BootstrapSamplerTests
{
    [Fact]
    public void Sample_WithReplacementFullSize_UniqueFractionNearOneMinusOneOverE()
    {
        // Expected unique fraction 1 − (1 − 1/n)^n = 0.63214 for n = 10,000, standard deviation ≈ 0.003.
        var sample = new BootstrapSampler().Sample(10_000, new Random(42));

        var uniqueFraction = sample.InBag.Distinct().Count() / 10_000.0;
        Assert.Equal(10_000, sample.InBag.Length);
        Assert.InRange(Math.Abs(uniqueFraction - (1 - (1 / Math.E))), 0, 0.01);
        Assert.Equal(10_000 - sample.InBag.Distinct().Count(), sample.OutOfBag.Length);
    }

    [Fact]
    public void Sample_OutOfBag_IsTheAscendingComplementOfInBag()
    {
        var sample = new BootstrapSampler().Sample(500, new Random(7));

        var inBag = sample.InBag.ToHashSet();
        Assert.Equal(Enumerable.Range(0, 500).Where(row => !inBag.Contains(row)), sample.OutOfBag);
        Assert.All(sample.InBag, row => Assert.InRange(row, 0, 499));
    }

    [Fact]
    public void Sample_WithoutReplacement_AllRowsDistinct()
    {
        // round(0.5 · 101) = round(50.5) = 51, halves rounded away from 0.
        var sample = new BootstrapSampler(0.5, withReplacement: false).Sample(101, new Random(3));

        Assert.Equal(51, sample.InBag.Length);
        Assert.Equal(51, sample.InBag.Distinct().Count());
        Assert.Equal(50, sample.OutOfBag.Length);
        Assert.Empty(sample.InBag.Intersect(sample.OutOfBag));
    }

    [Fact]
    public void Sample_WithoutReplacementFraction1_IsAPermutationWithEmptyOutOfBag()
    {
        var sample = new BootstrapSampler(1, withReplacement: false).Sample(20, new Random(1));

        Assert.Equal(Enumerable.Range(0, 20), sample.InBag.Order());
        Assert.Empty(sample.OutOfBag);
    }

    [Fact]
    public void Sample_SameSeed_SameSample()
    {
        var sampler = new BootstrapSampler(0.8, maxFeatures: MaxFeatures.Fraction(0.5));

        var first = sampler.Sample(1000, new Random(123), featureCount: 20);
        var second = sampler.Sample(1000, new Random(123), featureCount: 20);
        var other = sampler.Sample(1000, new Random(124), featureCount: 20);

        Assert.Equal(first.InBag, second.InBag);
        Assert.Equal(first.OutOfBag, second.OutOfBag);
        Assert.Equal(first.Features, second.Features);
        Assert.NotEqual(first.InBag, other.InBag);
    }

    [Fact]
    public void Sample_FractionAboveOneWithReplacement_DrawsMoreRowsThanN()
    {
        var sample = new BootstrapSampler(2.5).Sample(4, new Random(0));

        Assert.Equal(10, sample.InBag.Length);
    }

    [Theory]
    [InlineData(0.001, 10, 1)]
    [InlineData(0.24, 10, 2)]
    [InlineData(1.0, 10, 10)]
    public void SampleSize_RoundsAndKeepsAtLeastOneRow(double fraction, int rows, int expected) =>
        Assert.Equal(expected, new BootstrapSampler(fraction).SampleSize(rows));

    [Fact]
    public void Sample_FeatureFraction_DrawsFloorOfFractionDistinctAscending()
    {
        // max(1, ⌊0.5 · 7⌋) = 3, as scikit-learn.
        var sample = new BootstrapSampler(maxFeatures: MaxFeatures.Fraction(0.5)).Sample(10, new Random(5), featureCount: 7);

        Assert.Equal(3, sample.Features.Length);
        Assert.Equal(sample.Features.Order(), sample.Features);
        Assert.Equal(3, sample.Features.Distinct().Count());
        Assert.All(sample.Features, feature => Assert.InRange(feature, 0, 6));
    }

    [Fact]
    public void Sample_NoFeatureCount_DrawsNoFeatures()
    {
        Assert.Empty(new BootstrapSampler().Sample(10, new Random(5)).Features);
    }

    [Fact]
    public void Sample_AllFeatures_AreEveryFeatureInOrder()
    {
        Assert.Equal([0, 1, 2, 3], new BootstrapSampler().Sample(10, new Random(5), featureCount: 4).Features);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void BootstrapSampler_InvalidFractionWithReplacement_Throws(double fraction, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapSampler(fraction));

        Assert.Equal(
            Messages.OutOfRange($"sampleFraction must be a finite number greater than 0. Received: sampleFraction={shown}.", "sampleFraction", shown),
            error.Message);
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "NaN")]
    public void BootstrapSampler_InvalidFractionWithoutReplacement_Throws(double fraction, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapSampler(fraction, withReplacement: false));

        Assert.Equal(
            Messages.OutOfRange(
                $"sampleFraction must be a finite number in the range (0, 1] when sampling without replacement. Received: sampleFraction={shown}.",
                "sampleFraction",
                shown),
            error.Message);
    }

    [Fact]
    public void Sample_NoRows_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapSampler().Sample(0, new Random(1)));

        Assert.Equal(Messages.OutOfRange("rowCount must be an integer greater than or equal to 1. Received: rowCount=0.", "rowCount", "0"), error.Message);
    }

    [Fact]
    public void Sample_NullRandom_Throws()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new BootstrapSampler().Sample(10, null!));

        Assert.Equal("random", error.ParamName);
    }
}
