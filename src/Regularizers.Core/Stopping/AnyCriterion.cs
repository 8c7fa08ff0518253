namespace Regularizers.Core.Stopping;

/// <summary>Stops when at least one of its criteria stops; the reason joins the stopping criteria's reasons with "; ".</summary>
public sealed class AnyCriterion : IStoppingCriterion
{
    private readonly IStoppingCriterion[] criteria;

    /// <summary>Combines <paramref name="criteria"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="criteria"/> is empty or contains null.</exception>
    public AnyCriterion(params IStoppingCriterion[] criteria) => this.criteria = StoppingCriteria.Copy(criteria);

    /// <summary>The combined criteria, in evaluation order.</summary>
    public IReadOnlyList<IStoppingCriterion> Criteria => criteria;

    /// <inheritdoc/>
    public StopDecision Evaluate(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        var reasons = criteria
            .Select(c => c.Evaluate(trainingErrors, validationErrors))
            .Where(d => d.ShouldStop)
            .Select(d => d.Reason)
            .ToList();
        return reasons.Count > 0 ? StopDecision.Stop(string.Join("; ", reasons)) : StopDecision.Continue;
    }

    /// <summary>The first criterion's best epoch: it sets the direction and rule that a restore should follow.</summary>
    public int BestEpoch(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors) =>
        criteria[0].BestEpoch(trainingErrors, validationErrors);
}
