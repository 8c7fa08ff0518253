using Regularizers.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.MultiTask;

/// <summary>
/// Records each task's validation metrics in the <see cref="TrainingHistory"/> after every epoch, by name:
/// <c>val_{task}_loss</c> (the unweighted task loss) for every task and <c>val_{task}_accuracy</c> for classification
/// tasks, computed in eval mode without gradients on the data given here. Place it before an
/// <see cref="EarlyStopping"/> that monitors one of them, e.g.
/// <c>new EarlyStopping("val_class_loss", MetricMode.Min)</c>; the weighted sum is the trainer's own
/// <see cref="Metric.ValidationLoss"/>.
/// </summary>
public sealed class MultiTaskMetrics : TrainingCallback
{
    private readonly MultiTaskModel _model;
    private readonly Tensor _x;
    private readonly Tensor _y;

    /// <summary>Creates the callback for <paramref name="model"/> on validation inputs and <c>[N, T]</c> targets (not copied, not disposed).</summary>
    /// <exception cref="ArgumentException">Inputs and targets differ in length.</exception>
    public MultiTaskMetrics(MultiTaskModel model, Tensor validationX, Tensor validationY)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _x = validationX ?? throw new ArgumentNullException(nameof(validationX));
        _y = validationY ?? throw new ArgumentNullException(nameof(validationY));
        if (validationX.shape[0] != validationY.shape[0])
        {
            throw new ArgumentException($"validationX has {validationX.shape[0]} examples but validationY has {validationY.shape[0]}.", nameof(validationY));
        }
    }

    /// <summary>The name under which task <paramref name="task"/>'s validation loss is recorded.</summary>
    public static string LossName(string task) => $"val_{task}_loss";

    /// <summary>The name under which classification task <paramref name="task"/>'s validation accuracy is recorded.</summary>
    public static string AccuracyName(string task) => $"val_{task}_accuracy";

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wasTraining = _model.training;
        _model.eval();
        using (no_grad())
        using (NewDisposeScope())
        {
            var output = _model.call(_x);
            for (var t = 0; t < _model.Tasks.Count; t++)
            {
                var task = _model.Tasks[t];
                context.History.Record(LossName(task.Name), _model.TaskLoss(output, _y, t).ToDouble());
                if (task.Kind == TaskKind.Classification)
                {
                    var correct = _model.TaskOutput(output, t).argmax(1).eq(_y.select(1, t).to_type(ScalarType.Int64));
                    context.History.Record(AccuracyName(task.Name), correct.to_type(ScalarType.Float64).mean().ToDouble());
                }
            }
        }
        _model.train(wasTraining);
    }
}
