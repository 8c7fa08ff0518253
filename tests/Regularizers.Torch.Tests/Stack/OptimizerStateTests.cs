using TorchSharp.Modules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Stack;

/// <summary>An optimizer's saved state, restored into a fresh model and optimizer, continues training bit-identically.</summary>
public sealed class OptimizerStateTests
{
    private const int StepsBeforeSave = 3;
    private const int StepsAfterSave = 4;

    public static TheoryData<string> Kinds() =>
        new() { "sgd_momentum", "sgd_nesterov", "adam", "adam_amsgrad", "adamw", "adagrad", "rmsprop_centered_momentum" };

    private static OptimizerHelper Make(string kind, IEnumerable<Parameter> p) => kind switch
    {
        "sgd_momentum" => optim.SGD(p, 0.05, momentum: 0.9, weight_decay: 1e-3),
        "sgd_nesterov" => optim.SGD(p, 0.05, momentum: 0.9, nesterov: true),
        "adam" => optim.Adam(p, lr: 0.01),
        "adam_amsgrad" => optim.Adam(p, lr: 0.01, amsgrad: true, weight_decay: 1e-3),
        "adamw" => optim.AdamW(p, lr: 0.01, weight_decay: 0.01),
        "adagrad" => optim.Adagrad(p, lr: 0.05, lr_decay: 0.01),
        "rmsprop_centered_momentum" => optim.RMSProp(p, lr: 0.01, momentum: 0.5, centered: true),
        _ => throw new ArgumentException($"No optimizer for '{kind}'.", nameof(kind)),
    };

    /// <summary>One batch per step, drawn up front so that every run sees the same data.</summary>
    private sealed class Batches : IDisposable
    {
        private readonly Tensor _x;
        private readonly Tensor _y;

        public Batches()
        {
            manual_seed(11);
            _x = randn(StepsBeforeSave + StepsAfterSave, 8, 4);
            _y = randint(0, 2, new long[] { StepsBeforeSave + StepsAfterSave, 8 });
        }

        public void Train(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.call(_x[i]), _y[i]).backward();
                optimizer.step();
            }
        }

        public void Dispose()
        {
            _x.Dispose();
            _y.Dispose();
        }
    }

    private static int[] Bits(nn.Module model) =>
        model.parameters().SelectMany(Values).Select(BitConverter.SingleToInt32Bits).ToArray();

    private static byte[] Saved(Action<BinaryWriter> save)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            save(writer);
        }
        return stream.ToArray();
    }

    private static void Restore(byte[] saved, Action<BinaryReader> load)
    {
        using var reader = new BinaryReader(new MemoryStream(saved));
        load(reader);
    }

    /// <summary>
    /// A fresh model (other initial weights) and optimizer take the saved model and, unless <paramref name="optimizerState"/>
    /// is null, the saved optimizer state, then train over the remaining batches.
    /// </summary>
    private static int[] Resume(string kind, Batches batches, byte[] modelState, byte[]? optimizerState)
    {
        using var model = Mlp(seed: 2);
        using var optimizer = Make(kind, model.parameters());
        Restore(modelState, r => model.load(r));
        if (optimizerState is not null)
        {
            Restore(optimizerState, optimizer.load_state_dict);
        }
        batches.Train(model, optimizer, StepsBeforeSave, StepsBeforeSave + StepsAfterSave);
        return Bits(model);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LoadStateDict_IntoFreshModelAndOptimizer_ContinuesBitIdenticallyToTheUninterruptedRun(string kind)
    {
        using var batches = new Batches();
        using var model = Mlp(seed: 1);
        using var optimizer = Make(kind, model.parameters());
        batches.Train(model, optimizer, 0, StepsBeforeSave);
        var modelState = Saved(w => model.save(w));
        var optimizerState = Saved(optimizer.save_state_dict);
        batches.Train(model, optimizer, StepsBeforeSave, StepsBeforeSave + StepsAfterSave);

        Assert.Equal(Bits(model), Resume(kind, batches, modelState, optimizerState));
        // Without the optimizer state the fresh optimizer starts its buffers over, so the equality above needed them.
        Assert.NotEqual(Bits(model), Resume(kind, batches, modelState, optimizerState: null));
    }
}
