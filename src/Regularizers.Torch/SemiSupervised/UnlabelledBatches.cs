using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.SemiSupervised;

/// <summary>
/// Unlabelled examples for the semi-supervised callbacks, drawn as seeded random batches (with replacement across
/// batches, without within one). Built from inputs alone, or from a TorchSharp dataset whose examples hold only a
/// "data" tensor: an example that carries a "label" is refused, since labelled examples belong in <c>Fit</c>.
/// </summary>
public sealed class UnlabelledBatches : IDisposable
{
    private readonly Tensor _x;
    private readonly Generator _generator;

    /// <summary>Wraps inputs <c>[N, …]</c> (copied).</summary>
    /// <exception cref="ArgumentException">The tensor has no examples.</exception>
    public UnlabelledBatches(Tensor x, int batchSize, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() < 1 || x.shape[0] < 1)
        {
            throw new ArgumentException($"x must hold at least one unlabelled example; received shape [{string.Join(", ", x.shape)}].", nameof(x));
        }
        BatchSize = Guard.AtLeast(batchSize, 1);
        using (var detached = x.detach())
        {
            _x = detached.clone().DetachFromDisposeScope();
        }
        _generator = new Generator((ulong)seed);
    }

    /// <summary>Stacks the "data" tensors of <paramref name="dataset"/>.</summary>
    /// <exception cref="ArgumentException">The dataset is empty, or an example has no "data" tensor or has a "label".</exception>
    public static UnlabelledBatches FromDataset(utils.data.Dataset dataset, int batchSize, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var scope = NewDisposeScope();
        var data = new List<Tensor>();
        for (long i = 0; i < dataset.Count; i++)
        {
            var example = dataset.GetTensor(i);
            if (example.ContainsKey("label"))
            {
                throw new ArgumentException(
                    $"dataset must hold unlabelled examples, but example {i} has a \"label\" tensor: pass labelled examples to Trainer.Fit, and only their inputs here.",
                    nameof(dataset));
            }
            data.Add(example.TryGetValue("data", out var d) ? d : throw new ArgumentException($"Example {i} of dataset has no \"data\" tensor.", nameof(dataset)));
        }
        if (data.Count == 0)
        {
            throw new ArgumentException("dataset is empty.", nameof(dataset));
        }
        return new UnlabelledBatches(stack(data), batchSize, seed);
    }

    /// <summary>Examples per batch (at most the pool's size).</summary>
    public int BatchSize { get; }

    /// <summary>The number of unlabelled examples.</summary>
    public long Count => _x.shape[0];

    /// <summary>A batch of <c>min(BatchSize, Count)</c> distinct random examples, on <paramref name="device"/>.</summary>
    public Tensor Next(Device device)
    {
        using var order = randperm(Count, generator: _generator);
        using var idx = order.narrow(0, 0, Math.Min(BatchSize, Count));
        using var batch = _x.index_select(0, idx);
        return batch.to(device);
    }

    /// <summary>Releases the copied inputs and the generator.</summary>
    public void Dispose()
    {
        _x.Dispose();
        _generator.Dispose();
    }
}
