using Regularizers.Core.Stopping;

namespace Regularizers.Core.Tests.Stopping;

public class StoppingMeasuresTests
{
    [Fact]
    public void GeneralizationLoss_AboveMinimum_IsPercentExcess()
    {
        double[] validation = [0.8, 0.5, 0.6];

        Assert.Equal(0, StoppingMeasures.GeneralizationLoss(validation, 1));
        Assert.Equal(0, StoppingMeasures.GeneralizationLoss(validation, 2));
        Assert.Equal(20, StoppingMeasures.GeneralizationLoss(validation, 3), 12);
    }

    [Fact]
    public void GeneralizationLoss_ZeroOptimum_IsZeroOrInfinite()
    {
        Assert.Equal(0, StoppingMeasures.GeneralizationLoss([0.0, 0.0], 2));
        Assert.Equal(double.PositiveInfinity, StoppingMeasures.GeneralizationLoss([0.0, 0.1], 2));
    }

    [Fact]
    public void GeneralizationLoss_EarlierNaN_IsIgnoredByTheMinimum() =>
        Assert.Equal(50, StoppingMeasures.GeneralizationLoss([double.NaN, 0.4, 0.6], 3), 12);

    [Fact]
    public void GeneralizationLoss_EpochOutsideHistory_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StoppingMeasures.GeneralizationLoss([0.5, 0.6], 3));

        Assert.Equal(
            Messages.OutOfRange("epoch must be an epoch of the history, in the range [1, 2]. Received: epoch=3.", "epoch", "3"),
            error.Message);
    }

    [Fact]
    public void TrainingProgress_Strip_IsPerMilleExcessOfMeanOverMinimum()
    {
        // Strip 0.55..0.51: sum 2.65, k·min = 2.55, P = 1000·(2.65/2.55 − 1) = 39.2157…
        double[] training = [1.0, 0.9, 0.8, 0.7, 0.6, 0.55, 0.54, 0.53, 0.52, 0.51];

        Assert.Equal(1000 * ((2.65 / 2.55) - 1), StoppingMeasures.TrainingProgress(training, 10, 5), 9);
        Assert.Equal(1000 * ((4.0 / 3.0) - 1), StoppingMeasures.TrainingProgress(training, 5, 5), 9);
    }

    [Fact]
    public void TrainingProgress_FlatStrip_IsZero() =>
        Assert.Equal(0, StoppingMeasures.TrainingProgress([0.3, 0.3, 0.3], 3, 3));

    [Fact]
    public void TrainingProgress_ZeroMinimum_IsZeroOrInfinite()
    {
        Assert.Equal(0, StoppingMeasures.TrainingProgress([0.0, 0.0], 2, 2));
        Assert.Equal(double.PositiveInfinity, StoppingMeasures.TrainingProgress([0.1, 0.0], 2, 2));
        Assert.Equal(double.PositiveInfinity, StoppingMeasures.TrainingProgress([double.NaN, 0.2], 2, 2));
    }

    [Fact]
    public void TrainingProgress_EpochBeforeFirstStripEnd_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StoppingMeasures.TrainingProgress([1, 1, 1, 1, 1], 4, 5));

        Assert.Equal(
            Messages.OutOfRange("epoch must be an epoch of the history, in the range [5, 5]. Received: epoch=4.", "epoch", "4"),
            error.Message);
    }

    [Fact]
    public void TrainingProgress_NegativeErrorInStrip_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => StoppingMeasures.TrainingProgress([0.5, -1, 0.5], 3, 2));

        Assert.Equal(
            Messages.Argument("trainingErrors must hold errors greater than or equal to 0. Received: trainingErrors[1]=-1.", "trainingErrors"),
            error.Message);
    }
}
