using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// The part that <see cref="ExponentialMovingAverage"/> and <see cref="StochasticWeightAveraging"/> share: an average of
/// the model's parameters kept beside the model (its own tensors; the model trains on its own weights), swapped into the
/// model for each validation and swapped out after it, and loaded into the model for good when training ends. Each time
/// the average goes into the model, the running statistics of its BatchNorm layers are recomputed over the training data
/// (<see cref="BatchNormStatistics.Update"/>), unless <see cref="RecomputeBatchNorm"/> is false; the model is evaluated in
/// eval mode as always. Buffers are not averaged (<c>AveragedModel</c>'s default, <c>use_buffers=False</c>).
/// Callbacks see the average only between <see cref="TrainingCallback.OnValidationBegin"/> and
/// <see cref="TrainingCallback.OnValidationEnd"/>; elsewhere the model holds its own weights, so an
/// <see cref="EarlyStopping"/> monitoring validation restores the model's own weights of the best epoch (validated as
/// the average), and whichever of the two comes last in the callback list decides what the model ends with.
/// </summary>
public abstract class WeightAveraging : TrainingCallback, IDisposable
{
    private AveragedWeights? _weights;

    /// <summary>Creates the shared part.</summary>
    /// <param name="recomputeBatchNorm">Recompute BatchNorm statistics for the averaged weights (default true; false keeps the model's own, which belong to other weights).</param>
    protected WeightAveraging(bool recomputeBatchNorm) => RecomputeBatchNorm = recomputeBatchNorm;

    /// <summary>Whether BatchNorm statistics are recomputed for the averaged weights.</summary>
    public bool RecomputeBatchNorm { get; }

    /// <summary>How many times the average was updated in the current or last run (the initial copy not counted).</summary>
    public int Updates { get; private set; }

    /// <summary>True when the average starts as a copy of the model at the start of training (EMA), false when the first update is the start (SWA).</summary>
    protected abstract bool StartsFromModel { get; }

    /// <summary>Updates <paramref name="average"/> in place from <paramref name="weight"/> for the <paramref name="update"/>-th update (1-based).</summary>
    protected abstract void Combine(Tensor average, Tensor weight, int update);

    /// <summary>Folds the model's current weights into the average.</summary>
    protected void Average(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Updates++;
        if (_weights is null)
        {
            _weights = AveragedWeights.CopyOf(context.Model);
            return;
        }
        _weights.Update(context.Model, (average, weight) => Combine(average, weight, Updates));
    }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _weights?.Dispose();
        _weights = StartsFromModel ? AveragedWeights.CopyOf(context.Model) : null;
        Updates = 0;
    }

    /// <inheritdoc />
    public override void OnValidationBegin(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _weights?.SwapIn(context.Model, context.TrainingInputs!, context.BatchSize, RecomputeBatchNorm);
    }

    /// <inheritdoc />
    public override void OnValidationEnd(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _weights?.SwapOut(context.Model);
    }

    /// <summary>Loads the average into the model for good (BatchNorm statistics recomputed), when there is one.</summary>
    public override void OnTrainEnd(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _weights?.LoadInto(context.Model, context.TrainingInputs!, context.BatchSize, RecomputeBatchNorm);
    }

    /// <summary>Releases the average's tensors.</summary>
    public void Dispose()
    {
        _weights?.Dispose();
        _weights = null;
        GC.SuppressFinalize(this);
    }
}
