using Regularizers.Core.Stopping;

namespace Regularizers.Core.Tests.Stopping;

public class PatienceTests
{
    [Fact]
    public void Patience_ConstantLossPatience3_StopsAt4LikeKerasDocExample()
    {
        var criterion = new Patience(patience: 3);

        Assert.Equal(4, Scripted.FirstStop(criterion, [1, 1, 1, 1, 1, 1]));
        Assert.Equal("validation error did not improve for 3 epochs (best 1 at epoch 1)", Scripted.Last(criterion, [1, 1, 1, 1]).Reason);
    }

    [Fact]
    public void Patience_Zero_StopsAtFirstNonImprovement()
    {
        Assert.Equal(3, Scripted.FirstStop(new Patience(), [0.5, 0.4, 0.45, 0.3]));
        Assert.Equal(2, Scripted.FirstStop(new Patience(), [0.5, 0.5]));
    }

    [Fact]
    public void Patience_ImprovementResetsWait_CountsOnlyConsecutiveEpochs()
    {
        // Wait: 0, 1, 0 (0.35 < 0.4), 1, 2 → stop at 5.
        Assert.Equal(5, Scripted.FirstStop(new Patience(2), [0.4, 0.45, 0.35, 0.36, 0.37, 0.2]));
    }

    [Fact]
    public void Patience_MinDelta_SmallImprovementsCountAsNone()
    {
        // 0.995 + 0.01 ≥ 1: no improvement; 0.98 + 0.01 < 1: improvement; 0.975 and 0.972 do not beat 0.98 by 0.01.
        double[] validation = [1.0, 0.995, 0.98, 0.975, 0.972];

        Assert.Equal(5, Scripted.FirstStop(new Patience(2, minDelta: 0.01), validation));
        Assert.Equal(0, Scripted.FirstStop(new Patience(2), validation));
        Assert.Equal(
            "validation error did not improve by more than 0.01 for 2 epochs (best 0.98 at epoch 3)",
            Scripted.Last(new Patience(2, minDelta: 0.01), validation).Reason);
    }

    [Fact]
    public void Patience_BaselineNeverBeaten_StopsWithinPatience()
    {
        double[] validation = [0.9, 0.95, 0.97];

        Assert.Equal(2, Scripted.FirstStop(new Patience(2, baseline: 0.5), validation));
        Assert.Equal(3, Scripted.FirstStop(new Patience(2), validation));
        Assert.Equal(
            "validation error did not improve on the baseline 0.5 for 2 epochs (best 0.9 at epoch 1)",
            Scripted.Last(new Patience(2, baseline: 0.5), validation[..2]).Reason);
    }

    [Fact]
    public void Patience_ImprovingButAboveBaseline_StopsOnlyAtFirstNonImprovement()
    {
        // Keras 3 returns early on an improving epoch, so wait reaches 4 without a stop; epoch 5 does not improve.
        Assert.Equal(5, Scripted.FirstStop(new Patience(2, baseline: 0.5), [0.9, 0.8, 0.7, 0.6, 0.65]));
    }

    [Fact]
    public void Patience_BaselineBeaten_CountsFromTheBeatingEpoch()
    {
        double[] validation = [0.9, 0.45, 0.46, 0.47, 0.48];
        var criterion = new Patience(2, baseline: 0.5);

        Assert.Equal(4, Scripted.FirstStop(criterion, validation));
        Assert.Equal("validation error did not improve for 2 epochs (best 0.45 at epoch 2)", Scripted.Last(criterion, validation[..4]).Reason);
    }

    [Fact]
    public void Patience_StartFromEpoch_IgnoresWarmUpEpochs()
    {
        double[] validation = [0.1, 0.2, 0.3, 0.5, 0.6, 0.4];

        Assert.Equal(5, Scripted.FirstStop(new Patience(1, startFromEpoch: 3), validation));
        Assert.Equal(2, Scripted.FirstStop(new Patience(1), validation));
        Assert.Equal(
            "validation error did not improve for 1 epoch (best 0.5 at epoch 4)",
            Scripted.Last(new Patience(1, startFromEpoch: 3), validation[..5]).Reason);
    }

    [Fact]
    public void Patience_NaNDuringWarmUp_IsIgnoredEvenWithCheckFinite()
    {
        Assert.Equal(0, Scripted.FirstStop(new Patience(1, startFromEpoch: 1, checkFinite: true), [double.NaN, 1.0, 0.9]));
    }

    [Fact]
    public void Patience_NaNWithCheckFinite_StopsImmediately()
    {
        var criterion = new Patience(10, checkFinite: true);
        double[] validation = [0.5, 0.4, double.NaN];

        Assert.Equal(3, Scripted.FirstStop(criterion, validation));
        Assert.Equal("validation error NaN at epoch 3 is not a finite number (best 0.4 at epoch 2)", Scripted.Last(criterion, validation).Reason);
        Assert.Equal(2, Scripted.FirstStop(criterion, [0.5, double.PositiveInfinity]));
    }

    [Fact]
    public void Patience_NaNWithoutCheckFinite_CountsAsNoImprovement()
    {
        Assert.Equal(0, Scripted.FirstStop(new Patience(10), [0.5, 0.4, double.NaN]));
        Assert.Equal(4, Scripted.FirstStop(new Patience(2), [0.5, 0.4, double.NaN, double.NaN]));
    }

    [Fact]
    public void Patience_NaNAtFirstEpoch_NeverStopsAtEpoch1LikeKeras()
    {
        Assert.False(Scripted.Last(new Patience(), [double.NaN]).ShouldStop);
        Assert.Equal("validation error did not improve for 2 epochs (no improvement yet)", Scripted.Last(new Patience(), [double.NaN, double.NaN]).Reason);
    }

    [Fact]
    public void Patience_StoppingThreshold_StopsOnceStrictlyBetter()
    {
        var criterion = new Patience(10, stoppingThreshold: 0.3);
        double[] validation = [0.5, 0.4, 0.3, 0.29];

        Assert.Equal(4, Scripted.FirstStop(criterion, validation));
        Assert.Equal("validation error 0.29 at epoch 4 reached the stopping threshold 0.3", Scripted.Last(criterion, validation).Reason);
    }

    [Fact]
    public void Patience_StoppingThresholdModeMax_StopsOnceAbove()
    {
        Assert.Equal(3, Scripted.FirstStop(new Patience(10, mode: MetricMode.Max, stoppingThreshold: 0.9), [0.8, 0.9, 0.95]));
    }

    [Fact]
    public void Patience_DivergenceThreshold_StopsOnceStrictlyWorse()
    {
        var criterion = new Patience(10, divergenceThreshold: 2.0);
        double[] validation = [1.0, 1.5, 2.0, 2.5];

        Assert.Equal(4, Scripted.FirstStop(criterion, validation));
        Assert.Equal("validation error 2.5 at epoch 4 is worse than the divergence threshold 2", Scripted.Last(criterion, validation).Reason);
    }

    [Fact]
    public void Patience_ModeMax_HigherIsBetter()
    {
        var criterion = new Patience(2, mode: MetricMode.Max);
        double[] accuracy = [0.6, 0.7, 0.7, 0.69, 0.71];

        Assert.Equal(4, Scripted.FirstStop(criterion, accuracy));
        Assert.Equal("validation metric did not improve for 2 epochs (best 0.7 at epoch 2)", Scripted.Last(criterion, accuracy[..4]).Reason);
    }

    [Fact]
    public void Patience_SourceTraining_MonitorsTrainingErrors()
    {
        double[] training = [1.0, 0.9, 0.8, 0.7];
        double[] validation = [1.0, 1.1, 1.2, 1.3];

        Assert.Equal(0, Scripted.FirstStop(new Patience(1, source: MetricSource.Training), training, validation));
        Assert.Equal(2, Scripted.FirstStop(new Patience(1), training, validation));
        Assert.Equal(
            "training error did not improve for 1 epoch (best 0.7 at epoch 4)",
            new Patience(0, source: MetricSource.Training).Evaluate([.. training, 0.75], [.. validation, 1.4]).Reason);
    }

    [Fact]
    public void BestEpoch_AfterImprovements_IsLastImprovingEpoch()
    {
        double[] validation = [0.5, 0.4, 0.45, 0.3, 0.35];

        Assert.Equal(4, new Patience(3).BestEpoch(Scripted.Flat(5), validation));
        // 0.36 improves on 0.4, but not by more than 0.05.
        Assert.Equal(2, new Patience(3, minDelta: 0.05).BestEpoch(Scripted.Flat(4), [0.5, 0.4, 0.45, 0.36]));
        Assert.Equal(4, new Patience(3).BestEpoch(Scripted.Flat(4), [0.5, 0.4, 0.45, 0.36]));
    }

    [Fact]
    public void BestEpoch_NoImprovementOrWarmUp_IsFirstMonitoredEpochOrZero()
    {
        Assert.Equal(3, new Patience(3, startFromEpoch: 2).BestEpoch(Scripted.Flat(4), [0.1, 0.2, double.NaN, double.NaN]));
        Assert.Equal(0, new Patience(3, startFromEpoch: 2).BestEpoch(Scripted.Flat(2), [0.1, 0.2]));
    }

    [Fact]
    public void Patience_Defaults_AreKeras()
    {
        var criterion = new Patience();

        Assert.Equal(
            (0, 0.0, MetricMode.Min, (double?)null, 0, false, (double?)null, (double?)null, MetricSource.Validation),
            (criterion.ToleratedEpochs, criterion.MinDelta, criterion.Mode, criterion.Baseline, criterion.StartFromEpoch, criterion.CheckFinite,
             criterion.StoppingThreshold, criterion.DivergenceThreshold, criterion.Source));
    }

    [Fact]
    public void Patience_NegativePatience_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Patience(-1));

        Assert.Equal(Messages.OutOfRange("patience must be an integer greater than or equal to 0. Received: patience=-1.", "patience", "-1"), error.Message);
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    public void Patience_InvalidMinDelta_Throws(double minDelta, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Patience(minDelta: minDelta));

        Assert.Equal(
            Messages.OutOfRange($"minDelta must be a finite number greater than or equal to 0. Received: minDelta={shown}.", "minDelta", shown),
            error.Message);
    }

    [Fact]
    public void Patience_NonFiniteBaseline_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Patience(baseline: double.PositiveInfinity));

        Assert.Equal(Messages.OutOfRange("baseline must be a finite number. Received: baseline=Infinity.", "baseline", "Infinity"), error.Message);
    }

    [Fact]
    public void Patience_NaNThresholds_Throw()
    {
        var stopping = Assert.Throws<ArgumentOutOfRangeException>(() => new Patience(stoppingThreshold: double.NaN));
        var divergence = Assert.Throws<ArgumentOutOfRangeException>(() => new Patience(divergenceThreshold: double.NaN));

        Assert.Equal(
            Messages.OutOfRange("stoppingThreshold must be a finite number. Received: stoppingThreshold=NaN.", "stoppingThreshold", "NaN"),
            stopping.Message);
        Assert.Equal(
            Messages.OutOfRange("divergenceThreshold must be a finite number. Received: divergenceThreshold=NaN.", "divergenceThreshold", "NaN"),
            divergence.Message);
    }

    [Fact]
    public void Patience_NegativeStartFromEpoch_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Patience(startFromEpoch: -2));

        Assert.Equal(
            Messages.OutOfRange("startFromEpoch must be an integer greater than or equal to 0. Received: startFromEpoch=-2.", "startFromEpoch", "-2"),
            error.Message);
    }

    [Fact]
    public void Patience_UndefinedEnums_Throw()
    {
        var mode = Assert.Throws<ArgumentOutOfRangeException>(() => new Patience(mode: (MetricMode)2));
        var source = Assert.Throws<ArgumentOutOfRangeException>(() => new Patience(source: (MetricSource)5));

        Assert.Equal(Messages.OutOfRange("mode must be Min or Max. Received: mode=2.", "mode", "2"), mode.Message);
        Assert.Equal(Messages.OutOfRange("source must be Validation or Training. Received: source=5.", "source", "5"), source.Message);
    }

    [Fact]
    public void Patience_NullHistory_Throws()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new Patience().Evaluate(null!, []));

        Assert.Equal("trainingErrors", error.ParamName);
    }
}
