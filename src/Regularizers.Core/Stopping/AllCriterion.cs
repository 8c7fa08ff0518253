namespace Regularizers.Core.Stopping;

/// <summary>Stops when every one of its criteria stops at the same epoch; the reason joins all their reasons with "; ".</summary>
public sealed class AllCriterion : IStoppingCriterion
{
    private readonly IStoppingCriterion[] criteria;

    /// <summary>Combines <paramref name="criteria"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="criteria"/> is empty or contains null.</exception>
    public AllCriterion(params IStoppingCriterion[] criteria) => this.criteria = StoppingCriteria.Copy(criteria);

    /// <summary>The combined criteria, in evaluation order.</summary>
    public IReadOnlyList<IStoppingCriterion> Criteria => criteria;

    /// <inheritdoc/>
    public StopDecision Evaluate(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        var decisions = criteria.Select(c => c.Evaluate(trainingErrors, validationErrors)).ToList();
        return decisions.TrueForAll(d => d.ShouldStop)
            ? StopDecision.Stop(string.Join("; ", decisions.Select(d => d.Reason)))
            : StopDecision.Continue;
    }

    /// <summary>The first criterion's best epoch: it sets the direction and rule that a restore should follow.</summary>
    public int BestEpoch(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors) =>
        criteria[0].BestEpoch(trainingErrors, validationErrors);
}
