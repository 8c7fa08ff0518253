namespace Regularizers.Torch.Training;

/// <summary>Hooks into a <see cref="Trainer"/> run; every hook does nothing unless overridden.</summary>
public abstract class TrainingCallback
{
    /// <summary>Before the first epoch.</summary>
    public virtual void OnTrainBegin(TrainingContext context)
    {
    }

    /// <summary>After the last epoch (also after an early stop).</summary>
    public virtual void OnTrainEnd(TrainingContext context)
    {
    }

    /// <summary>At the start of each epoch.</summary>
    public virtual void OnEpochBegin(TrainingContext context)
    {
    }

    /// <summary>After each epoch's metrics were added to the history.</summary>
    public virtual void OnEpochEnd(TrainingContext context)
    {
    }

    /// <summary>Before the validation data is evaluated (only when validation data was given).</summary>
    public virtual void OnValidationBegin(TrainingContext context)
    {
    }

    /// <summary>After the validation data was evaluated, before the epoch's metrics are added to the history.</summary>
    public virtual void OnValidationEnd(TrainingContext context)
    {
    }

    /// <summary>Before each batch.</summary>
    public virtual void OnBatchBegin(TrainingContext context)
    {
    }

    /// <summary>After each batch (after the optimizer step and the constraints).</summary>
    public virtual void OnBatchEnd(TrainingContext context)
    {
    }

    /// <summary>After <c>backward()</c>, before the optimizer step: gradients are available.</summary>
    public virtual void OnAfterBackward(TrainingContext context)
    {
    }

    /// <summary>After the optimizer step and the regularization's constraints.</summary>
    public virtual void OnAfterStep(TrainingContext context)
    {
    }
}
