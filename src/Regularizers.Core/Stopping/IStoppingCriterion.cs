namespace Regularizers.Stopping;

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
}
