namespace Regularizers.Core.Stopping;

/// <summary>
/// An early-stopping rule: a pure function of the error histories. The training loop evaluates it after every
/// epoch and stops on <see cref="StopDecision.ShouldStop"/>; the criterion itself keeps no state.
/// </summary>
public interface IStoppingCriterion
{
    /// <summary>
    /// Decides for epoch <c>t = trainingErrors.Count</c> whether to stop. Index 0 of each history holds epoch 1.
    /// Empty histories (no epoch yet) give <see cref="StopDecision.Continue"/>.
    /// </summary>
    /// <param name="trainingErrors">The training error (or metric) after each epoch 1..t.</param>
    /// <param name="validationErrors">The validation error (or metric) after each epoch 1..t.</param>
    /// <exception cref="ArgumentNullException">A history is null.</exception>
    /// <exception cref="ArgumentException">The histories differ in length.</exception>
    StopDecision Evaluate(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors);

    /// <summary>
    /// The epoch (1-based) whose weights are best by this criterion's own rule after epoch
    /// <c>t = trainingErrors.Count</c>, so that what a callback restores agrees with what the criterion stops on; 0
    /// while no epoch counts. By default, Prechelt's <c>E_opt</c>: the epoch with the lowest finite validation error (the
    /// first of equal ones).
    /// </summary>
    /// <exception cref="ArgumentNullException">A history is null.</exception>
    /// <exception cref="ArgumentException">The histories differ in length.</exception>
    int BestEpoch(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        var epochs = StoppingChecks.CheckedEpochCount(trainingErrors, validationErrors);
        var best = 0;
        for (var t = 1; t <= epochs; t++)
        {
            var value = validationErrors[t - 1];
            if (double.IsFinite(value) && (best == 0 || value < validationErrors[best - 1]))
            {
                best = t;
            }
        }
        return best;
    }
}
