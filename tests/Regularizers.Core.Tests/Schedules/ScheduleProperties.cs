using CsCheck;
using Regularizers.Core.Schedules;

namespace Regularizers.Core.Tests.Schedules;

/// <summary>
/// Properties of every built-in schedule over generated ends, lengths and times: values are finite; linear and cosine
/// stay between their ends, start at the start, reach the end at their length and stay there; linear is monotone;
/// a step schedule is initial·factor^⌊t/every⌋; warm-up rises linearly to its value and stays.
/// </summary>
public sealed class ScheduleProperties
{
    private static readonly Gen<(double Start, double End, int Length)> Ramps =
        Gen.Select(Gen.Double[-10, 10], Gen.Double[-10, 10], Gen.Int[1, 50]);

    [Fact]
    public void LinearAndCosine_AnyRamp_BetweenTheEndsAndReachingTheEnd()
    {
        Gen.Select(Ramps, Gen.Int[0, 200], Gen.Bool).Sample((ramp, epoch, cosine) =>
        {
            var (start, end, length) = ramp;
            var schedule = cosine ? Schedule.Cosine(start, end, length) : Schedule.Linear(start, end, length);
            var (low, high) = (Math.Min(start, end), Math.Max(start, end));

            var value = schedule.At(epoch, 0);

            Assert.True(double.IsFinite(value));
            Assert.InRange(value, low - 1e-12, high + 1e-12);
            Assert.Equal(start, schedule.At(0, 0), 12);
            Assert.Equal(end, schedule.At(length + epoch, 0), 12);
            if (!cosine && epoch < length)
            {
                var next = schedule.At(epoch + 1, 0);
                Assert.True(start <= end ? next >= value - 1e-12 : next <= value + 1e-12, $"linear {start}→{end} over {length}: {value} then {next}");
            }
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Step_AnyFactor_InitialTimesFactorToTheCompletedPeriods()
    {
        Gen.Select(Gen.Double[0.01, 10], Gen.Double[0.1, 1], Gen.Int[1, 20], Gen.Int[0, 200]).Sample((initial, factor, every, epoch) =>
        {
            var value = Schedule.Step(initial, factor, every).At(epoch, 0);

            var expected = initial * Math.Pow(factor, epoch / every);
            Assert.True(Math.Abs(value - expected) <= 1e-12 * (1 + Math.Abs(expected)), $"step({initial}, {factor}, {every}) at {epoch}: {value}, expected {expected}");
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void WarmupConstant_AnyWarmup_RisesLinearlyThenHolds()
    {
        Gen.Select(Gen.Double[0, 10], Gen.Int[1, 50], Gen.Int[0, 200]).Sample((value, warmup, epoch) =>
        {
            var at = Schedule.WarmupConstant(value, warmup).At(epoch, 0);

            Assert.InRange(at, -1e-12, value + 1e-12);
            Assert.Equal(value, Schedule.WarmupConstant(value, warmup).At(warmup + epoch, 0), 12);
        }, iter: 500, threads: 1);
    }
}
