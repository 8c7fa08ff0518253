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

    /// <summary>Set to true to end training after the current epoch; stopping is a flag, never an exception.</summary>
    public bool StopTraining { get; set; }

    /// <summary>Why <see cref="StopTraining"/> was set.</summary>
    public string? StopReason { get; set; }
}
