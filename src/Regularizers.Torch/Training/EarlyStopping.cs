using Regularizers.Core.Stopping;

namespace Regularizers.Torch.Training;

/// <summary>
/// Stops training when a stopping criterion says so (by default <see cref="Patience"/> with patience 5 on
/// <see cref="Metric.ValidationLoss"/>, in the monitored metric's direction), and restores the best full state seen: model parameters and buffers and the optimizer's state
/// (momentum buffers, Adam moments, step counts), as deep copies taken at the best epoch — also when training ends
/// without a stop. The best epoch is the criterion's (<see cref="IStoppingCriterion.BestEpoch"/>), so the restored epoch
/// follows the same direction, margin and baseline as the decision to stop.
/// </summary>
public sealed class EarlyStopping : TrainingCallback, IDisposable
{
    private TrainingSnapshot? _best;
    private readonly Func<TrainingHistory, IReadOnlyList<double>> _series;

    /// <summary>Creates the callback.</summary>
    /// <param name="criterion">
    /// The stopping rule, fed the training-loss history and the monitored metric's history; by default
    /// <c>Patience(5)</c> in the monitored metric's direction.
    /// </param>
    /// <param name="monitor">The metric (validation loss by default); it says whether lower or higher is better.</param>
    /// <param name="restoreBest">Restore the best epoch's state at the end (default true).</param>
    /// <exception cref="ArgumentException">
    /// The criterion's direction disagrees with the metric's: a <see cref="Patience"/> whose mode is not the metric's, or
    /// one of Prechelt's criteria (defined on errors) on an accuracy.
    /// </exception>
    public EarlyStopping(IStoppingCriterion? criterion = null, Metric monitor = Metric.ValidationLoss, bool restoreBest = true)
    {
        Monitor = Guard.Defined(monitor);
        MonitorName = monitor.ToString();
        Criterion = criterion is null ? new Patience(5, mode: monitor.Direction()) : Checked(criterion, monitor.Direction(), MonitorName);
        RestoreBest = restoreBest;
        _series = history => history.Series(monitor);
    }

    /// <summary>
    /// Monitors a metric a callback records by name in the history (<see cref="TrainingHistory.Record"/>), e.g. one task's
    /// validation loss; such a callback must come before this one in the callback list.
    /// </summary>
    /// <param name="monitor">The recorded metric's name.</param>
    /// <param name="direction">Whether lower (<see cref="MetricMode.Min"/>) or higher is better.</param>
    /// <param name="criterion">The stopping rule; by default <c>Patience(5)</c> in <paramref name="direction"/>.</param>
    /// <param name="restoreBest">Restore the best epoch's state at the end (default true).</param>
    public EarlyStopping(string monitor, MetricMode direction, IStoppingCriterion? criterion = null, bool restoreBest = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(monitor);
        Guard.Defined(direction);
        MonitorName = monitor;
        Criterion = criterion is null ? new Patience(5, mode: direction) : Checked(criterion, direction, monitor);
        RestoreBest = restoreBest;
        _series = history => history.Series(monitor);
    }

    /// <summary>The stopping rule.</summary>
    public IStoppingCriterion Criterion { get; }

    /// <summary>The monitored metric (<see cref="Metric.ValidationLoss"/> when a named metric is monitored).</summary>
    public Metric Monitor { get; } = Metric.ValidationLoss;

    /// <summary>The monitored metric's name: the <see cref="Metric"/>'s, or the recorded metric's.</summary>
    public string MonitorName { get; }

    /// <summary>Whether the best state is restored at the end.</summary>
    public bool RestoreBest { get; }

    /// <summary>The best epoch so far (1-based), 0 before the first epoch ends.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Why training stopped, or null.</summary>
    public string? StopReason { get; private set; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        DisposeSnapshot();
        BestEpoch = 0;
        StopReason = null;
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
        var monitored = _series(context.History);
        var losses = context.History.Series(Metric.Loss);
        var best = Criterion.BestEpoch(losses, monitored);
        if (best == context.Epoch && RestoreBest)
        {
            Snapshot(context);
        }
        BestEpoch = best;
        var decision = Criterion.Evaluate(losses, monitored);
        if (decision.ShouldStop)
        {
            StopReason = decision.Reason;
            context.StopTraining = true;
            context.StopReason = $"early stopping at epoch {context.Epoch}: {decision.Reason}";
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context)
    {
        if (!RestoreBest || _best is null)
        {
            return;
        }
        _best.Restore(context.Model, context.Optimizer);
        context.History.RestoredEpoch = BestEpoch;
    }

    private static IStoppingCriterion Checked(IStoppingCriterion criterion, MetricMode direction, string monitor)
    {
        switch (criterion)
        {
            case Patience p when p.Mode != direction:
                throw new ArgumentException(
                    $"criterion is Patience with mode {p.Mode}, but monitor {monitor} is {(direction == MetricMode.Min ? "minimised" : "maximised")}: use Patience(mode: MetricMode.{direction}) or leave the mode at its default.", nameof(criterion));
            case GeneralizationLoss or ProgressQuotient or UpStrips when direction == MetricMode.Max:
                throw new ArgumentException(
                    $"criterion {criterion.GetType().Name} is defined on errors (lower is better), but monitor {monitor} is maximised: monitor Metric.ValidationLoss, or use Patience(mode: MetricMode.Max).", nameof(criterion));
            case AnyCriterion or AllCriterion:
                var inner = criterion is AnyCriterion any ? any.Criteria : ((AllCriterion)criterion).Criteria;
                foreach (var part in inner)
                {
                    Checked(part, direction, monitor);
                }
                break;
        }
        return criterion;
    }

    private void Snapshot(TrainingContext context)
    {
        DisposeSnapshot();
        _best = TrainingSnapshot.Capture(context.Model, context.Optimizer);
    }

    private void DisposeSnapshot()
    {
        _best?.Dispose();
        _best = null;
    }

    /// <summary>Releases the snapshot's tensors.</summary>
    public void Dispose() => DisposeSnapshot();
}
