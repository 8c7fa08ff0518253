namespace Regularizers.Core.Stopping;

/// <summary>
/// Stop when a monitored metric has stopped improving: Keras 3 <c>EarlyStopping</c> (patience, min_delta, mode,
/// baseline, start_from_epoch) plus Lightning's <c>check_finite</c>, <c>stopping_threshold</c> and
/// <c>divergence_threshold</c>. The decision for epoch t replays the history of the <see cref="Source"/> metric.
/// </summary>
/// <remarks>
/// The decision for epoch t replays epochs e = <see cref="StartFromEpoch"/>+1 .. t, with the monitored value v(e), in this order:
/// <list type="number">
/// <item>Lightning's checks, each stopping at once: v not finite (if <see cref="CheckFinite"/>);
/// v strictly better than <see cref="StoppingThreshold"/>; v strictly worse than <see cref="DivergenceThreshold"/>.</item>
/// <item>Keras' rule: <c>wait ← wait + 1</c>. If v improves on the best value so far — Min: <c>v + minDelta &lt; best</c>,
/// Max: <c>v − minDelta &gt; best</c>, best starting at ±∞ — then best ← v, and wait ← 0 only if there is no
/// <see cref="Baseline"/> or v improves on it the same way; no stop at an improving epoch. Otherwise stop when
/// <c>wait ≥ patience</c> and e &gt; 1 (Keras never stops at its epoch 0).</item>
/// </list>
/// So patience = 0 stops at the first epoch that does not improve, and patience = p after p such epochs in a row.
/// As in Keras 3, with a baseline an improving epoch never stops: a metric that keeps improving without beating
/// the baseline runs on, and stops at its first non-improving epoch once <c>wait ≥ patience</c>.
/// NaN never improves (comparisons with NaN are false), so without <see cref="CheckFinite"/> it counts as an epoch
/// without improvement.
/// </remarks>
public sealed class Patience : IStoppingCriterion
{
    /// <summary>Creates the criterion; the defaults are Keras', and Lightning's options are off.</summary>
    /// <param name="patience">Epochs without improvement tolerated (Keras <c>patience</c>); at least 0.</param>
    /// <param name="minDelta">The margin an improvement must exceed (Keras <c>min_delta</c>); a finite number ≥ 0.</param>
    /// <param name="mode">Whether lower (<see cref="MetricMode.Min"/>) or higher values are better.</param>
    /// <param name="baseline">A value the metric must improve on within the patience (Keras <c>baseline</c>); finite.</param>
    /// <param name="startFromEpoch">Epochs 1..startFromEpoch are ignored (Keras <c>start_from_epoch</c>); at least 0.</param>
    /// <param name="checkFinite">Stop at once on NaN or ±∞ (Lightning <c>check_finite</c>, which defaults to true there).</param>
    /// <param name="stoppingThreshold">Stop at once when the metric is strictly better than this (Lightning); finite.</param>
    /// <param name="divergenceThreshold">Stop at once when the metric is strictly worse than this (Lightning); finite.</param>
    /// <param name="source">The monitored history.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public Patience(
        int patience = 0,
        double minDelta = 0,
        MetricMode mode = MetricMode.Min,
        double? baseline = null,
        int startFromEpoch = 0,
        bool checkFinite = false,
        double? stoppingThreshold = null,
        double? divergenceThreshold = null,
        MetricSource source = MetricSource.Validation)
    {
        ToleratedEpochs = Guard.AtLeast(patience, 0);
        MinDelta = Guard.NonNegative(minDelta);
        Mode = Guard.Defined(mode);
        Baseline = baseline is { } b ? Guard.Finite(b, nameof(baseline)) : null;
        StartFromEpoch = Guard.AtLeast(startFromEpoch, 0);
        CheckFinite = checkFinite;
        StoppingThreshold = stoppingThreshold is { } s ? Guard.Finite(s, nameof(stoppingThreshold)) : null;
        DivergenceThreshold = divergenceThreshold is { } d ? Guard.Finite(d, nameof(divergenceThreshold)) : null;
        Source = Guard.Defined(source);
    }

    /// <summary>Epochs without improvement tolerated (the <c>patience</c> argument).</summary>
    public int ToleratedEpochs { get; }

    /// <summary>The margin an improvement must exceed.</summary>
    public double MinDelta { get; }

    /// <summary>Whether lower or higher values are better.</summary>
    public MetricMode Mode { get; }

    /// <summary>The value the metric must improve on before the wait counter resets, if any.</summary>
    public double? Baseline { get; }

    /// <summary>The number of leading epochs ignored.</summary>
    public int StartFromEpoch { get; }

    /// <summary>Whether a non-finite value stops at once.</summary>
    public bool CheckFinite { get; }

    /// <summary>Stop once the metric is strictly better than this, if set.</summary>
    public double? StoppingThreshold { get; }

    /// <summary>Stop once the metric is strictly worse than this, if set.</summary>
    public double? DivergenceThreshold { get; }

    /// <summary>The monitored history.</summary>
    public MetricSource Source { get; }

    /// <inheritdoc/>
    public StopDecision Evaluate(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors) =>
        Replay(trainingErrors, validationErrors).Decision;

    /// <summary>
    /// The epoch whose weights Keras' <c>restore_best_weights</c> would restore after epoch t: the last epoch that
    /// improved, else the first monitored epoch (<see cref="StartFromEpoch"/>+1); 0 while no epoch has been monitored.
    /// </summary>
    /// <exception cref="ArgumentException">The histories differ in length.</exception>
    public int BestEpoch(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        var (_, bestEpoch) = Replay(trainingErrors, validationErrors);
        var epochs = trainingErrors.Count;
        return bestEpoch > 0 ? bestEpoch : epochs > StartFromEpoch ? StartFromEpoch + 1 : 0;
    }

    private (StopDecision Decision, int BestEpoch) Replay(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        var epochs = StoppingChecks.CheckedEpochCount(trainingErrors, validationErrors);
        var values = Source == MetricSource.Validation ? validationErrors : trainingErrors;
        var metric = (Source == MetricSource.Validation ? "validation " : "training ") + (Mode == MetricMode.Min ? "error" : "metric");
        var best = Mode == MetricMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
        int bestEpoch = 0, wait = 0;
        var decision = StopDecision.Continue;
        for (var t = StartFromEpoch + 1; t <= epochs; t++)
        {
            var value = values[t - 1];
            decision = StopDecision.Continue;
            if (CheckFinite && !double.IsFinite(value))
            {
                decision = StopDecision.Stop(StoppingChecks.Invariant($"{At()} is not a finite number ({BestSoFar()})"));
            }
            else if (StoppingThreshold is { } goal && Better(value, goal))
            {
                decision = StopDecision.Stop(StoppingChecks.Invariant($"{At()} reached the stopping threshold {StoppingChecks.Show(goal)}"));
            }
            else if (DivergenceThreshold is { } limit && Better(limit, value))
            {
                decision = StopDecision.Stop(StoppingChecks.Invariant($"{At()} is worse than the divergence threshold {StoppingChecks.Show(limit)}"));
            }
            else if (Improves(value, best))
            {
                wait = Baseline is { } b && !Improves(value, b) ? wait + 1 : 0;
                (best, bestEpoch) = (value, t);
            }
            else if (++wait >= ToleratedEpochs && t > 1)
            {
                var margin = MinDelta > 0 ? StoppingChecks.Invariant($" by more than {StoppingChecks.Show(MinDelta)}") : "";
                var target = Baseline is { } b && !Improves(best, b) ? StoppingChecks.Invariant($" on the baseline {StoppingChecks.Show(b)}") : "";
                decision = StopDecision.Stop(StoppingChecks.Invariant($"{metric} did not improve{margin}{target} for {StoppingChecks.EpochsText(wait)} ({BestSoFar()})"));
            }

            // Reasons are formatted only for stops: the replay runs over the whole history at every epoch.
            string At() => StoppingChecks.Invariant($"{metric} {StoppingChecks.Show(value)} at epoch {t}");
            string BestSoFar() => bestEpoch > 0 ? StoppingChecks.Invariant($"best {StoppingChecks.Show(best)} at epoch {bestEpoch}") : "no improvement yet";
        }
        return (decision, bestEpoch);
    }

    private bool Better(double value, double reference) => Mode == MetricMode.Min ? value < reference : value > reference;

    private bool Improves(double value, double reference) =>
        Mode == MetricMode.Min ? value + MinDelta < reference : value - MinDelta > reference;
}
