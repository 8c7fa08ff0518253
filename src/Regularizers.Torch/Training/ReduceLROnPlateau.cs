namespace Regularizers.Torch.Training;

/// <summary>
/// Multiplies every parameter group's learning rate by <see cref="Factor"/> when the monitored metric has not improved by
/// more than <see cref="MinDelta"/> for <see cref="Patience"/> epochs in a row, then waits <see cref="Cooldown"/> epochs; never below
/// <see cref="MinLearningRate"/> (Keras' rule, absolute threshold; PyTorch reduces one epoch later, after patience + 1).
/// </summary>
public sealed class ReduceLROnPlateau : TrainingCallback
{
    private double? _best;
    private int _wait;
    private int _cooldownLeft;

    /// <summary>Creates the callback.</summary>
    /// <param name="monitor">The metric; it says whether lower or higher is better.</param>
    /// <param name="factor">The multiplier on a plateau, in (0, 1).</param>
    /// <param name="patience">Epochs without improvement before reducing, at least 0.</param>
    /// <param name="minDelta">The smallest change that counts as improvement, at least 0.</param>
    /// <param name="cooldown">Epochs to wait after a reduction, at least 0.</param>
    /// <param name="minLearningRate">The learning rate's floor, at least 0.</param>
    public ReduceLROnPlateau(Metric monitor = Metric.ValidationLoss, double factor = 0.1, int patience = 10, double minDelta = 1e-4, int cooldown = 0, double minLearningRate = 0)
    {
        Monitor = Guard.Defined(monitor);
        Factor = Guard.InRange(factor, 0, false, 1, false);
        Patience = Guard.AtLeast(patience, 0);
        MinDelta = Guard.NonNegative(minDelta);
        Cooldown = Guard.AtLeast(cooldown, 0);
        MinLearningRate = Guard.NonNegative(minLearningRate);
    }

    /// <summary>The monitored metric.</summary>
    public Metric Monitor { get; }

    /// <summary>The multiplier applied on a plateau.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement before reducing.</summary>
    public int Patience { get; }

    /// <summary>The smallest change that counts as improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Epochs to wait after a reduction.</summary>
    public int Cooldown { get; }

    /// <summary>The learning rate's floor.</summary>
    public double MinLearningRate { get; }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
        var value = context.History.Epochs[^1].Get(Monitor);
        var improved = Monitor.Improves(value, _best, MinDelta);
        if (improved)
        {
            _best = value;
            _wait = 0;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _wait = 0;
            return;
        }
        if (!improved && ++_wait >= Patience)
        {
            foreach (var group in context.Optimizer.ParamGroups)
            {
                group.LearningRate = Math.Max(group.LearningRate * Factor, MinLearningRate);
            }
            _cooldownLeft = Cooldown;
            _wait = 0;
        }
    }
}
