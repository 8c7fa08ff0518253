using static TorchSharp.torch;

namespace Regularizers.Torch.MultiTask;

/// <summary>One task of a <see cref="MultiTaskModel"/>: its name, its head on the shared trunk's features, what it predicts and its loss weight.</summary>
public sealed record TaskHead
{
    /// <summary>Creates a task.</summary>
    /// <param name="name">A name for the history (<c>val_{name}_loss</c>), unique within the model.</param>
    /// <param name="head">Maps the trunk's features to this task's outputs.</param>
    /// <param name="kind">Classification (K logits) or regression (one value).</param>
    /// <param name="outputs">The head's output width: K for classification, 1 for regression.</param>
    /// <param name="weight">wₜ ≥ 0, finite; the task's loss weight (default 1).</param>
    public TaskHead(string name, nn.Module<Tensor, Tensor> head, TaskKind kind, int outputs, double weight = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Head = head ?? throw new ArgumentNullException(nameof(head));
        Kind = Guard.Defined(kind);
        Outputs = kind == TaskKind.Regression && outputs != 1
            ? throw Guard.OutOfRange(outputs, "1 for a regression task", nameof(outputs))
            : Guard.AtLeast(outputs, kind == TaskKind.Classification ? 2 : 1);
        Weight = Guard.NonNegative(weight);
    }

    /// <summary>The task's name.</summary>
    public string Name { get; }

    /// <summary>The head module.</summary>
    public nn.Module<Tensor, Tensor> Head { get; }

    /// <summary>What the head predicts.</summary>
    public TaskKind Kind { get; }

    /// <summary>The head's output width.</summary>
    public int Outputs { get; }

    /// <summary>wₜ.</summary>
    public double Weight { get; }
}
