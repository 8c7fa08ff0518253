using Regularizers.Core.Stopping;

namespace Regularizers.Core.Tests.Stopping;

/// <summary>Which epoch each criterion calls best: the epoch a restoring callback goes back to.</summary>
public class BestEpochTests
{
    [Theory]
    [InlineData(new double[0], 0)]
    [InlineData(new[] { 0.5 }, 1)]
    [InlineData(new[] { 0.5, 0.3, 0.3, 0.4 }, 2)]
    [InlineData(new[] { double.NaN, 0.6, double.PositiveInfinity, 0.55, 0.7 }, 4)]
    [InlineData(new[] { double.NaN, double.NaN }, 0)]
    public void BestEpoch_PrecheltCriteria_LowestFiniteValidationErrorFirstOfEqual(double[] validation, int expected)
    {
        IStoppingCriterion[] criteria = [new GeneralizationLoss(5), new ProgressQuotient(0.5), new UpStrips(2), new MaxEpochs(100)];

        Assert.All(criteria, c => Assert.Equal(expected, c.BestEpoch(Scripted.Flat(validation.Length), validation)));
    }

    [Fact]
    public void BestEpoch_AnyWithPatienceOnAccuracyFirst_IsThePatienceBestEpoch()
    {
        double[] accuracy = [0.5, 0.8, 0.6, 0.55];
        var any = StoppingCriteria.Any(new Patience(1, mode: MetricMode.Max), new MaxEpochs(10));
        var all = StoppingCriteria.All(new Patience(1, mode: MetricMode.Max), new GeneralizationLoss(5));

        Assert.Equal(2, any.BestEpoch(Scripted.Flat(4), accuracy));
        Assert.Equal(2, all.BestEpoch(Scripted.Flat(4), accuracy));
    }

    [Fact]
    public void BestEpoch_HistoriesOfDifferentLengths_Throws()
    {
        IStoppingCriterion criterion = new GeneralizationLoss(5);

        Assert.Throws<ArgumentException>(() => criterion.BestEpoch(Scripted.Flat(3), [0.5, 0.4]));
    }
}
