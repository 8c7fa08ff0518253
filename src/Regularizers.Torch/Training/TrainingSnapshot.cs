using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// A deep copy of a model's parameters and buffers and of its optimizer's state (momentum buffers, Adam moments, step
/// counts; through a <see cref="SharpnessAwareMinimization"/> wrapper, its base optimizer's), to put back later.
/// </summary>
internal sealed class TrainingSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _model;
    private readonly byte[]? _optimizer;

    private TrainingSnapshot(Dictionary<string, Tensor> model, byte[]? optimizer)
    {
        _model = model;
        _optimizer = optimizer;
    }

    public static TrainingSnapshot Capture(nn.Module model, optim.Optimizer optimizer)
    {
        var state = model.state_dict().ToDictionary(kv => kv.Key, kv => DeepCopy(kv.Value));
        if (Unwrapped(optimizer) is not OptimizerHelper helper)
        {
            return new TrainingSnapshot(state, null);
        }
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            helper.save_state_dict(writer);
        }
        return new TrainingSnapshot(state, stream.ToArray());
    }

    public void Restore(nn.Module model, optim.Optimizer optimizer)
    {
        model.load_state_dict(_model);
        if (Unwrapped(optimizer) is OptimizerHelper helper && _optimizer is not null)
        {
            using var reader = new BinaryReader(new MemoryStream(_optimizer));
            helper.load_state_dict(reader);
        }
    }

    private static optim.Optimizer Unwrapped(optim.Optimizer optimizer) =>
        optimizer is SharpnessAwareMinimization sam ? sam.BaseOptimizer : optimizer;

    private static Tensor DeepCopy(Tensor t)
    {
        using var detached = t.detach();
        return detached.clone().DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var t in _model.Values)
        {
            t.Dispose();
        }
    }
}
