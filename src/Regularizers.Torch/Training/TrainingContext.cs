using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>What callbacks see and may change during a <see cref="Trainer"/> run.</summary>
public sealed class TrainingContext
{
    internal TrainingContext(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, TrainingHistory history)
    {
        Model = model;
        Optimizer = optimizer;
        History = history;
    }

    /// <summary>The model being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>Its optimizer.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>The metrics so far.</summary>
    public TrainingHistory History { get; }

    /// <summary>The current 1-based epoch.</summary>
    public int Epoch { get; internal set; }

    /// <summary>How many batches an epoch has.</summary>
    public int BatchesPerEpoch { get; internal set; }

    /// <summary>The current 0-based batch within the epoch.</summary>
    public int Batch { get; internal set; }

    /// <summary>The current batch's loss (penalties included), set after the forward pass.</summary>
    public double BatchLoss { get; internal set; }

    /// <summary>
    /// Set to true to end training, never by an exception: set in an epoch hook, training ends after that epoch; set in a
    /// batch hook, the epoch ends after that batch and is neither validated nor added to the history.
    /// </summary>
    public bool StopTraining { get; set; }

    /// <summary>The training inputs of the current <see cref="Trainer.Fit(Tensor, Tensor, Tensor?, Tensor?)"/> call, for callbacks that pass over them (BatchNorm statistics).</summary>
    internal Tensor? TrainingInputs { get; set; }

    /// <summary>The trainer's batch size.</summary>
    internal int BatchSize { get; set; }

    /// <summary>Why <see cref="StopTraining"/> was set.</summary>
    public string? StopReason { get; set; }
}
