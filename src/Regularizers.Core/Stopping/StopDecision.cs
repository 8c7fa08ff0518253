namespace Regularizers.Core.Stopping;

/// <summary>
/// The outcome of an <see cref="IStoppingCriterion"/> for the latest epoch: whether to stop and, if so, why.
/// The default value is <see cref="Continue"/>.
/// </summary>
public readonly record struct StopDecision
{
    private StopDecision(string reason)
    {
        ShouldStop = true;
        Reason = reason;
    }

    /// <summary>Keep training.</summary>
    public static StopDecision Continue => default;

    /// <summary>Whether training should stop after the latest epoch.</summary>
    public bool ShouldStop { get; }

    /// <summary>A human-readable sentence with the numbers that triggered the stop; <see langword="null"/> when continuing.</summary>
    public string? Reason { get; }

    /// <summary>Stop training, for the given <paramref name="reason"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null, empty or white space.</exception>
    public static StopDecision Stop(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new StopDecision(reason);
    }
}
