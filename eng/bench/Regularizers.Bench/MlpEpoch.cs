using System.Diagnostics;
using Regularizers.Cli.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Bench;

/// <summary>The foundation benchmark: one epoch of the 784-256-256-10 MLP and a 1024² matmul, as eng/bench/mlp_epoch.py does in PyTorch.</summary>
internal static class MlpEpoch
{
    public static (double Seconds, double Accuracy) Run(LabeledImages train, LabeledImages test, long seed)
    {
        manual_seed(seed);
        using var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        using var order = randperm(train.Count);
        var clock = Stopwatch.StartNew();
        for (long start = 0; start < train.Count; start += 128)
        {
            using var scope = NewDisposeScope();
            var idx = order.narrow(0, start, Math.Min(128, train.Count - start));
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            loss.backward();
            optimizer.step();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        using var noGrad = no_grad();
        using var scope2 = NewDisposeScope();
        var xt = tensor(test.Pixels, new long[] { test.Count, 784 });
        var yt = tensor(test.Labels.Select(l => (long)l).ToArray());
        var accuracy = model.call(xt).argmax(1).eq(yt).to_type(ScalarType.Float64).mean().item<double>();
        return (seconds, accuracy);
    }

    public static double MatmulGflops()
    {
        using var scope = NewDisposeScope();
        var a = randn(1024, 1024);
        var b = randn(1024, 1024);
        a.matmul(b).Dispose();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            a.matmul(b).Dispose();
        }
        return 20 * 2 * Math.Pow(1024, 3) / clock.Elapsed.TotalSeconds / 1e9;
    }
}
