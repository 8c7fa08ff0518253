using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.MultiTask;

/// <summary>
/// Multi-task learning as a regularizer (Caruana 1997; Goodfellow §7.7; seed 004 §3.2): a shared trunk
/// <c>h = f(x)</c> and one head per task, trained on <c>L = Σₜ wₜ·Lₜ</c> (or with <see cref="TaskWeighting.Uncertainty"/>),
/// so that the trunk is pulled towards features that serve every task. The model is an ordinary
/// <c>Module&lt;Tensor, Tensor&gt;</c> for the <see cref="Training.Trainer"/>: <see cref="forward"/> returns the heads'
/// outputs side by side, <c>[N, Σₜ Kₜ]</c> in task order, and <see cref="Loss"/> is the trainer's loss, reading targets
/// <c>[N, T]</c> of float32 with column t the class index (classification) or the value (regression) of task t
/// (<see cref="Targets"/> builds them). Uncertainty weighting's <c>sₜ</c> are the parameter <c>log_variances</c>
/// (one-dimensional, so weight penalties leave them alone).
/// </summary>
public sealed class MultiTaskModel : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _trunk;
    private readonly Parameter? _logVariances;

    /// <summary>Creates the model; the trunk and heads are registered as <c>trunk</c> and <c>head_{name}</c>.</summary>
    /// <exception cref="ArgumentException">No task, or two tasks with one name.</exception>
    public MultiTaskModel(nn.Module<Tensor, Tensor> trunk, IReadOnlyList<TaskHead> tasks, TaskWeighting weighting = TaskWeighting.Fixed)
        : base(nameof(MultiTaskModel))
    {
        _trunk = trunk ?? throw new ArgumentNullException(nameof(trunk));
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            throw new ArgumentException("tasks must hold at least one task.", nameof(tasks));
        }
        if (tasks.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"tasks must have distinct names; '{duplicate.Key}' appears {duplicate.Count()} times.", nameof(tasks));
        }
        Tasks = tasks;
        Weighting = Guard.Defined(weighting);
        register_module("trunk", trunk);
        foreach (var task in tasks)
        {
            register_module($"head_{task.Name}", task.Head);
        }
        if (weighting == TaskWeighting.Uncertainty)
        {
            _logVariances = new Parameter(zeros(tasks.Count));
            register_parameter("log_variances", _logVariances);
        }
    }

    /// <summary>The tasks, in output and target-column order.</summary>
    public IReadOnlyList<TaskHead> Tasks { get; }

    /// <summary>How the losses are combined.</summary>
    public TaskWeighting Weighting { get; }

    /// <summary>The learned <c>sₜ = log σₜ²</c> under <see cref="TaskWeighting.Uncertainty"/>, else null.</summary>
    public Tensor? LogVariances => _logVariances;

    /// <summary>Every head's output on the shared features, concatenated along dimension 1.</summary>
    /// <exception cref="InvalidOperationException">A head's output is not <c>[N, Kₜ]</c>.</exception>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = _trunk.call(input);
        var outputs = Tasks.Select(task =>
        {
            var output = task.Head.call(features);
            if (output.dim() != 2 || output.shape[1] != task.Outputs)
            {
                throw new InvalidOperationException(
                    $"Task '{task.Name}' declares {task.Outputs} outputs, but its head returned shape [{string.Join(", ", output.shape)}]; it must return [N, {task.Outputs}].");
            }
            return output;
        }).ToList();
        return cat(outputs, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Task <paramref name="task"/>'s columns of a <see cref="forward"/> output.</summary>
    public Tensor TaskOutput(Tensor output, int task)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = Tasks.Take(task).Sum(t => t.Outputs);
        return output.narrow(1, start, Tasks[task].Outputs);
    }

    /// <summary>Task <paramref name="task"/>'s unweighted loss: <c>cross_entropy</c> or <c>mse_loss</c>, averaged over the batch.</summary>
    public Tensor TaskLoss(Tensor output, Tensor target, int task)
    {
        CheckTarget(output, target);
        using var scope = NewDisposeScope();
        var prediction = TaskOutput(output, task);
        var column = target.select(1, task);
        var loss = Tasks[task].Kind == TaskKind.Classification
            ? nn.functional.cross_entropy(prediction, column.to_type(ScalarType.Int64))
            : nn.functional.mse_loss(prediction.squeeze(1), column);
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The combined loss: <c>Σₜ wₜ·Lₜ</c> under <see cref="TaskWeighting.Fixed"/>,
    /// <c>Σₜ wₜ·(cₜ·e^{−sₜ}·Lₜ + ½sₜ)</c> under <see cref="TaskWeighting.Uncertainty"/>. Pass it as
    /// <c>TrainerOptions.Loss = model.Loss</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The target is not <c>[N, T]</c> floating point with one row per output row.</exception>
    public Tensor Loss(Tensor output, Tensor target)
    {
        CheckTarget(output, target);
        using var scope = NewDisposeScope();
        Tensor total = zeros(Array.Empty<long>(), device: output.device);
        for (var t = 0; t < Tasks.Count; t++)
        {
            var loss = TaskLoss(output, target, t);
            if (_logVariances is { } s)
            {
                var precision = (-s[t]).exp() * (Tasks[t].Kind == TaskKind.Regression ? 0.5 : 1.0);
                loss = (precision * loss) + (0.5 * s[t]);
            }
            total = total + (Tasks[t].Weight * loss);
        }
        return total.MoveToOuterDisposeScope();
    }

    /// <summary>Stacks per-task targets (class indices or values, each <c>[N]</c>) into the <c>[N, T]</c> float32 targets <see cref="Loss"/> reads.</summary>
    /// <exception cref="ArgumentException">The count differs from the number of tasks, or the lengths differ.</exception>
    public Tensor Targets(params Tensor[] perTask)
    {
        ArgumentNullException.ThrowIfNull(perTask);
        if (perTask.Length != Tasks.Count)
        {
            throw new ArgumentException($"perTask must hold one target tensor per task ({Tasks.Count}: {string.Join(", ", Tasks.Select(t => t.Name))}); received {perTask.Length}.", nameof(perTask));
        }
        if (perTask.Any(t => t.dim() != 1 || t.shape[0] != perTask[0].shape[0]))
        {
            throw new ArgumentException($"perTask's tensors must all be [N] with one N; received shapes {string.Join(", ", perTask.Select(t => $"[{string.Join(", ", t.shape)}]"))}.", nameof(perTask));
        }
        using var scope = NewDisposeScope();
        return stack(perTask.Select(t => t.to_type(ScalarType.Float32)).ToArray(), 1).MoveToOuterDisposeScope();
    }

    private void CheckTarget(Tensor output, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(target);
        if (target.dim() != 2 || target.shape[1] != Tasks.Count || target.shape[0] != output.shape[0] || !target.is_floating_point())
        {
            throw new ArgumentException(
                $"target must be floating point [N, {Tasks.Count}], one column per task ({string.Join(", ", Tasks.Select(t => t.Name))}), with N = {output.shape[0]} rows like the output; received {target.dtype} [{string.Join(", ", target.shape)}]. Build it with Targets(...).",
                nameof(target));
        }
    }
}
