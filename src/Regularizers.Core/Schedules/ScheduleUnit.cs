namespace Regularizers.Core.Schedules;

/// <summary>What a <see cref="Schedule"/>'s lengths count.</summary>
public enum ScheduleUnit
{
    /// <summary>Epochs (0-based): the value changes at epoch boundaries and holds for a whole epoch.</summary>
    Epoch,

    /// <summary>Optimizer steps (batches, 0-based, counted over the whole run): the value changes every step.</summary>
    Step,
}
