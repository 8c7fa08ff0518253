using Regularizers.Core.Schedules;

namespace Regularizers.Core.Tests.Schedules;

public class ScheduleTests
{
    [Fact]
    public void Constant_AnyTime_TheValue()
    {
        Schedule schedule = 0.3;

        Assert.Equal([0.3, 0.3, 0.3], [schedule.At(0, 0), schedule.At(7, 123), Schedule.Constant(0.3).At(100, 10_000)]);
    }

    [Fact]
    public void Linear_OverFourEpochs_StraightLineThenEnd() =>
        Assert.Equal([0, 0.125, 0.25, 0.375, 0.5, 0.5], Enumerable.Range(0, 6).Select(e => Schedule.Linear(0, 0.5, 4).At(e, 999)));

    [Fact]
    public void Linear_InSteps_IgnoresTheEpoch() =>
        Assert.Equal([1, 0.9, 0, 0], new long[] { 0, 10, 100, 150 }.Select(s => Math.Round(Schedule.Linear(1, 0, 100, ScheduleUnit.Step).At(3, s), 12)));

    [Fact]
    public void Cosine_HalfWayAndEnds_HalfACosine()
    {
        var schedule = Schedule.Cosine(1, 0, 10);

        Assert.Equal(1, schedule.At(0, 0), 15);
        Assert.Equal((1 + Math.Cos(Math.PI * 0.3)) / 2, schedule.At(3, 0), 15);
        Assert.Equal(0.5, schedule.At(5, 0), 15);
        Assert.Equal(0, schedule.At(10, 0), 15);
        Assert.Equal(0, schedule.At(20, 0), 15);
    }

    [Fact]
    public void Step_EveryThreeEpochs_MultipliesByTheFactor() =>
        Assert.Equal([0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2], Enumerable.Range(0, 7).Select(e => Schedule.Step(0.8, 0.5, 3).At(e, 0)));

    [Fact]
    public void WarmupConstant_FourSteps_RisesThenHolds() =>
        Assert.Equal([0.25, 0.5, 0.75, 1, 1], Enumerable.Range(0, 5).Select(s => Schedule.WarmupConstant(1, 4, ScheduleUnit.Step).At(0, s)));

    [Fact]
    public void FromEpochAndFromStep_CallTheUsersFunctions()
    {
        Assert.Equal(0.09, Schedule.FromEpoch(e => 0.01 * e * e).At(3, 77), 15);
        Assert.Equal(77, Schedule.FromStep(s => s).At(3, 77));
    }

    [Fact]
    public void At_IsAFunctionOfTimeOnly_ResumingMidwayGivesTheSameValues()
    {
        // A schedule holds no counter: asking again, or asking a fresh schedule (a resumed run), gives the same values.
        var first = Schedule.Cosine(0, 0.5, 6);
        var straight = Enumerable.Range(0, 8).Select(e => first.At(e, e * 10L)).ToList();
        var resumed = Schedule.Cosine(0, 0.5, 6);

        Assert.Equal(straight.Skip(4), Enumerable.Range(4, 4).Select(e => resumed.At(e, e * 10L)));
    }

    [Fact]
    public void Factories_InvalidArguments_ThrowExactMessages()
    {
        Assert.Equal(
            Messages.OutOfRange("length must be an integer greater than or equal to 1. Received: length=0.", "length", "0"),
            Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Linear(0, 1, 0)).Message);
        Assert.Equal(
            Messages.OutOfRange("end must be a finite number. Received: end=NaN.", "end", "NaN"),
            Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Cosine(0, double.NaN, 3)).Message);
        Assert.Equal(
            Messages.OutOfRange("unit must be Epoch or Step. Received: unit=5.", "unit", "5"),
            Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Step(1, 0.5, 2, (ScheduleUnit)5)).Message);
        Assert.Equal(
            Messages.OutOfRange("epoch must be an integer greater than or equal to 0. Received: epoch=-1.", "epoch", "-1"),
            Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Constant(1).At(-1, 0)).Message);
    }
}
