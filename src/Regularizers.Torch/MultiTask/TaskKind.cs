namespace Regularizers.Torch.MultiTask;

/// <summary>What a task's head predicts, which fixes its loss and its uncertainty weighting.</summary>
public enum TaskKind
{
    /// <summary>Class logits <c>[N, K]</c>; loss <c>cross_entropy</c> against class indices; accuracy recorded.</summary>
    Classification,

    /// <summary>One value per example <c>[N, 1]</c>; loss <c>mse_loss</c>.</summary>
    Regression,
}
