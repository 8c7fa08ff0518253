using Regularizers.Core.Stopping;

namespace Regularizers.Core.Tests.Stopping;

public class GeneralizationLossTests
{
    // E_opt = 0.5 from epoch 4 on; GL(5) = 4, GL(6) = 2, GL(7) = 10, GL(8) = 20.
    private static readonly double[] Validation = [1.0, 0.8, 0.6, 0.5, 0.52, 0.51, 0.55, 0.6];

    [Fact]
    public void GeneralizationLoss_TableExceedsAlphaAtEpoch7_StopsAt7()
    {
        var criterion = new GeneralizationLoss(5);

        Assert.Equal([7, 8], Scripted.StopEpochs(criterion, Scripted.Flat(8), Validation));
    }

    [Fact]
    public void GeneralizationLoss_LargerAlpha_StopsLater()
    {
        Assert.Equal(8, Scripted.FirstStop(new GeneralizationLoss(15), Validation));
        Assert.Equal(0, Scripted.FirstStop(new GeneralizationLoss(20.5), Validation));
    }

    [Fact]
    public void GeneralizationLoss_Stop_ReasonStatesTheLoss()
    {
        var decision = Scripted.Last(new GeneralizationLoss(5), Validation[..7]);

        Assert.True(decision.ShouldStop);
        Assert.Equal(
            "generalization loss GL(7) = 10% exceeds alpha = 5%: the validation error 0.55 is 10% above the lowest so far",
            decision.Reason);
    }

    [Fact]
    public void GeneralizationLoss_EqualToAlpha_DoesNotStop()
    {
        // 0.53125 / 0.5 = 1.0625 exactly, so GL = 6.25 exactly.
        Assert.False(Scripted.Last(new GeneralizationLoss(6.25), [0.5, 0.53125]).ShouldStop);
        Assert.True(Scripted.Last(new GeneralizationLoss(6.2), [0.5, 0.53125]).ShouldStop);
    }

    [Fact]
    public void GeneralizationLoss_NaNValidationError_StopsAsDiverged()
    {
        var decision = Scripted.Last(new GeneralizationLoss(5), [0.5, double.NaN]);

        Assert.Equal(
            "generalization loss GL(2) = Infinity% exceeds alpha = 5%: the validation error NaN is Infinity% above the lowest so far",
            decision.Reason);
    }

    [Fact]
    public void GeneralizationLoss_EmptyHistories_Continues() =>
        Assert.Equal(StopDecision.Continue, new GeneralizationLoss(5).Evaluate([], []));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-1.0, "-1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void GeneralizationLoss_InvalidAlpha_Throws(double alpha, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GeneralizationLoss(alpha));

        Assert.Equal(Messages.OutOfRange($"alpha must be a finite number greater than 0. Received: alpha={shown}.", "alpha", shown), error.Message);
    }

    [Fact]
    public void GeneralizationLoss_MismatchedHistories_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new GeneralizationLoss(5).Evaluate([1, 1, 1], [1, 1]));

        Assert.Equal(
            Messages.Argument("validationErrors must hold one value per epoch, like trainingErrors. Received: trainingErrors.Count=3, validationErrors.Count=2.", "validationErrors"),
            error.Message);
        Assert.Equal("validationErrors", error.ParamName);
    }

    [Fact]
    public void GeneralizationLoss_NegativeError_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new GeneralizationLoss(5).Evaluate([1, 1], [0.5, -0.1]));

        Assert.Equal(
            Messages.Argument("validationErrors must hold errors greater than or equal to 0. Received: validationErrors[1]=-0.1.", "validationErrors"),
            error.Message);
    }
}
