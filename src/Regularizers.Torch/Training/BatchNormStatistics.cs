using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// Recomputes the running statistics of every BatchNorm layer of a model from data, as PyTorch's
/// <c>torch.optim.swa_utils.update_bn</c> does: the statistics are reset (mean 0, variance 1, count 0), the model runs
/// forward in training mode over the inputs in consecutive batches, with each layer's momentum set to none, so that after
/// B batches <c>running_mean = (1/B)·Σ_b μ_b</c> and <c>running_var = (1/B)·Σ_b σ²_b</c> (σ²_b the unbiased batch
/// variance) — the equal average over batches; then the momenta and the training mode are put back.
/// Averaged weights (<see cref="ExponentialMovingAverage"/>, <see cref="StochasticWeightAveraging"/>) need this: the running
/// statistics collected while training belong to the trained weights, not to their average, and evaluating the average
/// with them (or in training mode) gives a wrong, often much worse, model.
/// </summary>
public static class BatchNormStatistics
{
    /// <summary>The default batch size of the pass.</summary>
    public const int DefaultBatchSize = 256;

    /// <summary>Recomputes the statistics of <paramref name="model"/>'s BatchNorm layers over <paramref name="inputs"/> (first dimension: examples).</summary>
    /// <returns>True when the model has BatchNorm layers (tracking running statistics) and they were recomputed, false when it has none.</returns>
    public static bool Update(nn.Module<Tensor, Tensor> model, Tensor inputs, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        Guard.AtLeast(batchSize, 1);
        var norms = model.modules().OfType<BatchNorm>().Where(b => b.track_running_stats).ToList();
        if (norms.Count == 0)
        {
            return false;
        }
        var momenta = norms.Select(b => b.momentum).ToList();
        var wasTraining = model.training;
        foreach (var norm in norms)
        {
            norm.reset_running_stats();
            norm.momentum = null;
        }
        model.train();
        using (no_grad())
        {
            var count = inputs.shape[0];
            for (long start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                model.call(inputs.narrow(0, start, Math.Min(batchSize, count - start)));
            }
        }
        for (var i = 0; i < norms.Count; i++)
        {
            norms[i].momentum = momenta[i];
        }
        model.train(wasTraining);
        return true;
    }

    /// <summary>
    /// Sets every BatchNorm layer's momentum to 0 until disposed, so forward passes in training mode leave the running
    /// statistics alone (SAM's second pass at the perturbed weights must not count the batch twice).
    /// </summary>
    public static IDisposable Frozen(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var norms = model.modules().OfType<BatchNorm>().Where(b => b.track_running_stats).ToList();
        var momenta = norms.Select(b => b.momentum).ToList();
        foreach (var norm in norms)
        {
            norm.momentum = 0;
        }
        return new Restore(() =>
        {
            for (var i = 0; i < norms.Count; i++)
            {
                norms[i].momentum = momenta[i];
            }
        });
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
