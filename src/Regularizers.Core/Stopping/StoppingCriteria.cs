namespace Regularizers.Core.Stopping;

/// <summary>Combinators over <see cref="IStoppingCriterion"/>.</summary>
public static class StoppingCriteria
{
    /// <summary>Stops when any of <paramref name="criteria"/> stops, e.g. <c>Any(new GeneralizationLoss(5), new MaxEpochs(100))</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="criteria"/> is empty or contains null.</exception>
    public static AnyCriterion Any(params IStoppingCriterion[] criteria) => new(criteria);

    /// <summary>Stops when all of <paramref name="criteria"/> stop at the same epoch.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="criteria"/> is empty or contains null.</exception>
    public static AllCriterion All(params IStoppingCriterion[] criteria) => new(criteria);

    internal static IStoppingCriterion[] Copy(IStoppingCriterion[] criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Length == 0)
        {
            throw new ArgumentException("criteria must hold at least one criterion. Received: an empty list.", nameof(criteria));
        }
        var index = Array.FindIndex(criteria, c => c is null);
        if (index >= 0)
        {
            throw new ArgumentException(StoppingChecks.Invariant($"criteria must not contain null. Received: criteria[{index}]=null."), nameof(criteria));
        }
        return (IStoppingCriterion[])criteria.Clone();
    }
}
