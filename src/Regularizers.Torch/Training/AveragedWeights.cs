using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// A running average of a model's parameters, kept as its own tensors beside the model, and the swap that puts it into
/// the model (parameters averaged, BatchNorm statistics recomputed) and takes it out again (parameters and buffers back
/// exactly as they were).
/// </summary>
internal sealed class AveragedWeights : IDisposable
{
    private readonly List<Tensor> _average;
    private List<Tensor>? _backup;

    private AveragedWeights(List<Tensor> average) => _average = average;

    /// <summary>An average that starts as a copy of <paramref name="model"/>'s parameters.</summary>
    public static AveragedWeights CopyOf(nn.Module model)
    {
        return new AveragedWeights(model.parameters().Select(Copy).ToList());
    }

    /// <summary>Calls <paramref name="combine"/>(average, weight) for each parameter, without autograd; it updates the average in place.</summary>
    public void Update(nn.Module model, Action<Tensor, Tensor> combine)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var parameters = model.parameters().ToList();
        for (var i = 0; i < parameters.Count; i++)
        {
            combine(_average[i], parameters[i]);
        }
    }

    /// <summary>Saves the model's parameters and buffers, then loads the average into it (see <see cref="LoadInto"/>).</summary>
    public void SwapIn(nn.Module<Tensor, Tensor> model, Tensor inputs, int batchSize, bool recomputeBatchNorm)
    {
        _backup = State(model).Select(Copy).ToList();
        LoadInto(model, inputs, batchSize, recomputeBatchNorm);
    }

    /// <summary>Puts back what <see cref="SwapIn"/> saved.</summary>
    public void SwapOut(nn.Module model)
    {
        if (_backup is null)
        {
            return;
        }
        using (no_grad())
        {
            foreach (var (live, saved) in State(model).Zip(_backup))
            {
                live.copy_(saved);
                saved.Dispose();
            }
        }
        _backup = null;
    }

    /// <summary>Copies the average into the model's parameters and, when asked, recomputes its BatchNorm statistics over <paramref name="inputs"/>.</summary>
    public void LoadInto(nn.Module<Tensor, Tensor> model, Tensor inputs, int batchSize, bool recomputeBatchNorm)
    {
        using (no_grad())
        {
            foreach (var (live, average) in model.parameters().Zip(_average))
            {
                live.copy_(average);
            }
        }
        if (recomputeBatchNorm)
        {
            BatchNormStatistics.Update(model, inputs, batchSize);
        }
    }

    private static Tensor Copy(Tensor t)
    {
        using var detached = t.detach();
        return detached.clone().DetachFromDisposeScope();
    }

    private static IEnumerable<Tensor> State(nn.Module model) => model.parameters().Cast<Tensor>().Concat(model.buffers());

    public void Dispose()
    {
        foreach (var t in _average.Concat(_backup ?? []))
        {
            t.Dispose();
        }
        _backup = null;
    }
}
