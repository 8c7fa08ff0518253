namespace Regularizers.Core.Stopping;

/// <summary>
/// Prechelt's PQ_α: evaluated only at strip ends (epochs t divisible by the strip length k), stop when
/// <c>GL(t) / P_k(t) &gt; α</c>, with <c>GL(t) = 100·(E_va(t) / min_{t' ≤ t} E_va(t') − 1)</c> and
/// <c>P_k(t) = 1000·(Σ_{t'=t−k+1..t} E_tr(t') / (k·min_{t'=t−k+1..t} E_tr(t')) − 1)</c>
/// (see <see cref="StoppingMeasures"/>). A high generalization loss is tolerated while training still progresses.
/// </summary>
/// <remarks>
/// <para>Prechelt (1998), "Early Stopping — But When?", section 2.2 (typical α: 0.5 to 3, k = 5).</para>
/// <para>
/// Degenerate quotients: when <c>GL(t) = 0</c> the quotient is 0 (never stop at a new minimum, even if training
/// stalled); otherwise, when training progress stalled (<c>P_k(t) = 0</c>) or the validation error diverged
/// (<c>GL(t) = +∞</c>), the quotient is +∞ and training stops.
/// </para>
/// </remarks>
public sealed class ProgressQuotient : IStoppingCriterion
{
    /// <summary>Creates PQ_α with strips of <paramref name="stripLength"/> epochs.</summary>
    /// <param name="alpha">The threshold α on GL/P_k; a finite number &gt; 0.</param>
    /// <param name="stripLength">The strip length k, in epochs; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public ProgressQuotient(double alpha, int stripLength = 5)
    {
        Alpha = Guard.Positive(alpha);
        StripLength = Guard.AtLeast(stripLength, 1);
    }

    /// <summary>The threshold α on GL/P_k.</summary>
    public double Alpha { get; }

    /// <summary>The strip length k, in epochs.</summary>
    public int StripLength { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">An error that enters the quotient is negative.</exception>
    public StopDecision Evaluate(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        var t = StoppingChecks.CheckedEpochCount(trainingErrors, validationErrors);
        if (t == 0 || t % StripLength != 0)
        {
            return StopDecision.Continue;
        }
        var loss = StoppingMeasures.GeneralizationLoss(validationErrors, t);
        var progress = StoppingMeasures.TrainingProgress(trainingErrors, t, StripLength);
        var quotient = Quotient(loss, progress);
        return quotient > Alpha
            ? StopDecision.Stop(StoppingChecks.Invariant(
                $"at the end of strip {t / StripLength}, GL({t}) / P{StripLength}({t}) = {StoppingChecks.Show(loss)} / {StoppingChecks.Show(progress)} = {StoppingChecks.Show(quotient)} exceeds alpha = {StoppingChecks.Show(Alpha)}"))
            : StopDecision.Continue;
    }

    private static double Quotient(double loss, double progress) =>
        loss == 0 ? 0
        : double.IsPositiveInfinity(loss) || progress == 0 ? double.PositiveInfinity
        : loss / progress;
}
