using Regularizers.Core.Sampling;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Torch.Ensembles;

/// <summary>One trained member of a <see cref="BaggingEnsemble"/>: its model, its sample and its training history.</summary>
public sealed class BaggingMember : IDisposable
{
    internal BaggingMember(nn.Module<Tensor, Tensor> model, BootstrapSample sample, TrainingHistory history)
    {
        Model = model;
        Sample = sample;
        History = history;
    }

    /// <summary>The trained model; it reads the features in <see cref="BootstrapSample.Features"/> order.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The rows and features it was trained on, and its out-of-bag rows.</summary>
    public BootstrapSample Sample { get; }

    /// <summary>Its per-epoch metrics.</summary>
    public TrainingHistory History { get; }

    /// <summary>Class probabilities [N, K] for full-width inputs <paramref name="x"/> (the member selects its features).</summary>
    public Tensor PredictProbabilities(Tensor x)
    {
        using var output = PredictRaw(x);
        return output.softmax(1);
    }

    /// <summary>The model's raw output (logits, or values for a regressor) for full-width inputs <paramref name="x"/>.</summary>
    public Tensor PredictRaw(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = Sample.Features.Length == x.shape[1] ? x : x.index_select(1, tensor(Sample.Features.Select(f => (long)f).ToArray(), device: x.device));
        return Model.call(input).MoveToOuterDisposeScope();
    }

    /// <summary>Disposes the model.</summary>
    public void Dispose() => Model.Dispose();
}
