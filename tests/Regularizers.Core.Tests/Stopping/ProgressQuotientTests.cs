using Regularizers.Core.Stopping;

namespace Regularizers.Core.Tests.Stopping;

public class ProgressQuotientTests
{
    // Strip ends 5, 10, 15: GL = 0, 4, 14; P5 = 333.3, 39.22, 3.992; GL/P5 = 0, 0.102, 3.507.
    // GL is positive at every epoch from 9 on, so a criterion evaluated off strip ends would stop there.
    private static readonly double[] Training =
        [1.0, 0.9, 0.8, 0.7, 0.6, 0.55, 0.54, 0.53, 0.52, 0.51, 0.505, 0.504, 0.503, 0.502, 0.501];

    private static readonly double[] Validation =
        [1.0, 0.9, 0.8, 0.7, 0.6, 0.55, 0.52, 0.50, 0.51, 0.52, 0.53, 0.54, 0.55, 0.56, 0.57];

    [Fact]
    public void ProgressQuotient_QuotientExceedsAlphaAtThirdStripEnd_StopsAt15()
    {
        Assert.Equal([15], Scripted.StopEpochs(new ProgressQuotient(0.5), Training, Validation));
    }

    [Fact]
    public void ProgressQuotient_SmallAlpha_StopsAtSecondStripEndOnly()
    {
        Assert.Equal([10, 15], Scripted.StopEpochs(new ProgressQuotient(0.1), Training, Validation));
        Assert.Equal([15], Scripted.StopEpochs(new ProgressQuotient(0.11), Training, Validation));
    }

    [Fact]
    public void ProgressQuotient_Stop_ReasonStatesTheQuotient()
    {
        var decision = new ProgressQuotient(0.5).Evaluate(Training, Validation);

        Assert.Equal("at the end of strip 3, GL(15) / P5(15) = 14 / 3.99202 = 3.507 exceeds alpha = 0.5", decision.Reason);
    }

    [Fact]
    public void ProgressQuotient_StripLength3_StopsAtStripEnds12And15()
    {
        // Strip ends 3, 6, 9, 12, 15. GL/P3 = 0, 0, 2/19.23 = 0.104, 8/1.988 = 4.02, 14/1.996 = 7.01.
        Assert.Equal([12, 15], Scripted.StopEpochs(new ProgressQuotient(0.5, stripLength: 3), Training, Validation));
    }

    [Fact]
    public void ProgressQuotient_StalledTrainingWithGeneralizationLoss_Stops()
    {
        double[] training = [0.5, 0.5, 0.5, 0.5, 0.5];
        double[] validation = [0.6, 0.5, 0.5, 0.5, 0.55];

        var decision = new ProgressQuotient(100).Evaluate(training, validation);

        Assert.Equal("at the end of strip 1, GL(5) / P5(5) = 10 / 0 = Infinity exceeds alpha = 100", decision.Reason);
    }

    [Fact]
    public void ProgressQuotient_StalledTrainingAtNewMinimum_Continues()
    {
        double[] training = [0.5, 0.5, 0.5, 0.5, 0.5];
        double[] validation = [0.6, 0.59, 0.58, 0.57, 0.56];

        Assert.False(new ProgressQuotient(0.001).Evaluate(training, validation).ShouldStop);
    }

    [Fact]
    public void ProgressQuotient_InvalidStripLength_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressQuotient(0.5, 0));

        Assert.Equal(
            Messages.OutOfRange("stripLength must be an integer greater than or equal to 1. Received: stripLength=0.", "stripLength", "0"),
            error.Message);
    }

    [Fact]
    public void ProgressQuotient_InvalidAlpha_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressQuotient(double.NaN));

        Assert.Equal(Messages.OutOfRange("alpha must be a finite number greater than 0. Received: alpha=NaN.", "alpha", "NaN"), error.Message);
    }

    [Fact]
    public void ProgressQuotient_Defaults_AreStripLength5()
    {
        var criterion = new ProgressQuotient(2);

        Assert.Equal(2, criterion.Alpha);
        Assert.Equal(5, criterion.StripLength);
    }
}
