namespace Regularizers.Core.Schedules;

/// <summary>
/// A regularization strength as a function of training time: <see cref="At"/> gives the value at 0-based epoch e and
/// 0-based global step s (batches since the run began), and nothing else — a schedule holds no state, so a run resumed
/// from a checkpoint at epoch e gets exactly the values an uninterrupted run would (the pitfall of stateful schedulers,
/// whose counters restart at 0). With t the schedule's time (e or s, <see cref="ScheduleUnit"/>) and L its length:
/// <list type="bullet">
/// <item><see cref="Constant"/>: <c>v</c>;</item>
/// <item><see cref="Linear"/>: <c>a + (b − a)·min(t/L, 1)</c>;</item>
/// <item><see cref="Cosine"/>: <c>a + (b − a)·(1 − cos(π·min(t/L, 1)))/2</c>;</item>
/// <item><see cref="Step"/>: <c>a·γ^⌊t/L⌋</c>;</item>
/// <item><see cref="WarmupConstant"/>: <c>v·min((t + 1)/L, 1)</c> — warm-up to v over L, then v;</item>
/// <item><see cref="FromEpoch"/>, <see cref="FromStep"/>: any function of e or s.</item>
/// </list>
/// Strengths that take a schedule (dropout p, penalty λ, label-smoothing ε, noise σ, max-norm c, EMA decay,
/// adversarial ε, …) implement <see cref="IScheduled"/>; the <c>Trainer</c> advances them before every batch and logs
/// their values each epoch, and a
/// hand-written loop calls Regularizers.Torch's <c>ScheduledStrengths.Advance</c>. A schedule's values are checked against the strength's range
/// when they are set (e.g. p in [0, 1)).
/// </summary>
public abstract class Schedule
{
    /// <summary>The value at 0-based epoch <paramref name="epoch"/> and 0-based global step <paramref name="step"/>.</summary>
    public abstract double At(int epoch, long step);

    /// <summary>The constant <paramref name="value"/>.</summary>
    public static Schedule Constant(double value)
    {
        Guard.Finite(value);
        return new Function(ScheduleUnit.Epoch, _ => value);
    }

    /// <summary>From <paramref name="start"/> to <paramref name="end"/> in a straight line over <paramref name="length"/> units, then <paramref name="end"/>.</summary>
    public static Schedule Linear(double start, double end, int length, ScheduleUnit unit = ScheduleUnit.Epoch)
    {
        Guard.Finite(start);
        Guard.Finite(end);
        Guard.AtLeast(length, 1);
        Guard.Defined(unit);
        return new Function(unit, t => start + ((end - start) * Math.Min(t / (double)length, 1)));
    }

    /// <summary>From <paramref name="start"/> to <paramref name="end"/> along half a cosine over <paramref name="length"/> units, then <paramref name="end"/>.</summary>
    public static Schedule Cosine(double start, double end, int length, ScheduleUnit unit = ScheduleUnit.Epoch)
    {
        Guard.Finite(start);
        Guard.Finite(end);
        Guard.AtLeast(length, 1);
        Guard.Defined(unit);
        return new Function(unit, t => start + ((end - start) * (1 - Math.Cos(Math.PI * Math.Min(t / (double)length, 1))) / 2));
    }

    /// <summary><paramref name="initial"/> multiplied by <paramref name="factor"/> every <paramref name="every"/> units.</summary>
    public static Schedule Step(double initial, double factor, int every, ScheduleUnit unit = ScheduleUnit.Epoch)
    {
        Guard.Finite(initial);
        Guard.Finite(factor);
        Guard.AtLeast(every, 1);
        Guard.Defined(unit);
        return new Function(unit, t => initial * Math.Pow(factor, Math.Floor(t / (double)every)));
    }

    /// <summary>Linear warm-up from <paramref name="value"/>/<paramref name="warmup"/> at t = 0 to <paramref name="value"/> at t = warmup − 1, then <paramref name="value"/>.</summary>
    public static Schedule WarmupConstant(double value, int warmup, ScheduleUnit unit = ScheduleUnit.Epoch)
    {
        Guard.Finite(value);
        Guard.AtLeast(warmup, 1);
        Guard.Defined(unit);
        return new Function(unit, t => value * Math.Min((t + 1) / (double)warmup, 1));
    }

    /// <summary>The user's function of the 0-based epoch.</summary>
    public static Schedule FromEpoch(Func<int, double> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new Function(ScheduleUnit.Epoch, t => function((int)t));
    }

    /// <summary>The user's function of the 0-based global step.</summary>
    public static Schedule FromStep(Func<long, double> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new Function(ScheduleUnit.Step, function);
    }

    /// <summary>A constant strength, so a plain number can stand where a schedule is asked for.</summary>
    public static implicit operator Schedule(double value) => Constant(value);

    private sealed class Function(ScheduleUnit unit, Func<long, double> function) : Schedule
    {
        public override double At(int epoch, long step)
        {
            Guard.AtLeast(epoch, 0);
            if (step < 0)
            {
                throw Guard.OutOfRange(step, "an integer greater than or equal to 0", nameof(step));
            }
            return function(unit == ScheduleUnit.Epoch ? epoch : step);
        }
    }
}
