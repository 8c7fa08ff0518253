namespace Regularizers.Core.Stopping;

/// <summary>
/// Prechelt's GL_α: stop after the first epoch t with <c>GL(t) &gt; α</c>, where
/// <c>GL(t) = 100·(E_va(t) / E_opt(t) − 1)</c> is the validation error's excess over its minimum so far
/// <c>E_opt(t) = min_{t' ≤ t} E_va(t')</c>, in percent (see <see cref="StoppingMeasures.GeneralizationLoss"/>).
/// Evaluated at every epoch; the training history is not used.
/// </summary>
/// <remarks>Prechelt (1998), "Early Stopping — But When?", section 2.2 (typical α: 1 to 5).</remarks>
public sealed class GeneralizationLoss : IStoppingCriterion
{
    /// <summary>Creates GL_α.</summary>
    /// <param name="alpha">The threshold α on GL, in percent; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not a finite number &gt; 0.</exception>
    public GeneralizationLoss(double alpha) => Alpha = Guard.Positive(alpha);

    /// <summary>The threshold α on GL, in percent.</summary>
    public double Alpha { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A validation error is negative.</exception>
    public StopDecision Evaluate(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        var t = StoppingChecks.CheckedEpochCount(trainingErrors, validationErrors);
        if (t == 0)
        {
            return StopDecision.Continue;
        }
        var loss = StoppingMeasures.GeneralizationLoss(validationErrors, t);
        return loss > Alpha
            ? StopDecision.Stop(StoppingChecks.Invariant(
                $"generalization loss GL({t}) = {StoppingChecks.Show(loss)}% exceeds alpha = {StoppingChecks.Show(Alpha)}%: the validation error {StoppingChecks.Show(validationErrors[t - 1])} is {StoppingChecks.Show(loss)}% above the lowest so far"))
            : StopDecision.Continue;
    }
}
