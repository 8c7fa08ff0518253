namespace Regularizers.Core.Schedules;

/// <summary>
/// Something whose strengths may follow a <see cref="Schedule"/> (a dropout layer's p, a penalty's λ, …):
/// <see cref="Advance"/> sets them to their schedules' values, and <see cref="ScheduledValues"/> reports them. Strengths
/// given as plain numbers are neither changed nor reported. Regularizers.Torch's <c>ScheduledStrengths</c> finds these in a model, a
/// <c>Regularization</c> and the loss.
/// </summary>
public interface IScheduled
{
    /// <summary>Sets every scheduled strength to its value at 0-based <paramref name="epoch"/> and global <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A schedule's value is outside the strength's range.</exception>
    void Advance(int epoch, long step);

    /// <summary>The scheduled strengths now in force, by parameter name (e.g. <c>p</c>); empty when none is scheduled.</summary>
    IReadOnlyDictionary<string, double> ScheduledValues { get; }
}
