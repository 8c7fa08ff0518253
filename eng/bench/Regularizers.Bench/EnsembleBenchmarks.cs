using System.Diagnostics;
using System.Globalization;
using Regularizers.Cli.Data;
using Regularizers.Torch.Ensembles;
using Regularizers.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Bench;

/// <summary>Issue 6's figures: bagging wall time parallel vs sequential, and MC-dropout throughput at T = 20 vs one pass.</summary>
internal static class EnsembleBenchmarks
{
    public static void Run(LabeledImages train, LabeledImages test)
    {
        var subset = train.Take(10_000);
        using var x = tensor(subset.Pixels, new long[] { subset.Count, 784 });
        using var y = tensor(subset.Labels.Select(l => (long)l).ToArray());
        double Seconds(bool parallel)
        {
            var clock = Stopwatch.StartNew();
            using var ensemble = BaggingEnsemble.Train(
                f => nn.Sequential(nn.Linear(f, 256), nn.ReLU(), nn.Linear(256, 10)), m => optim.SGD(m.parameters(), 0.1),
                new TrainerOptions { Epochs = 2, BatchSize = 128 }, new BaggingOptions { Members = 4, Seed = 1, Parallel = parallel }, x, y);
            return clock.Elapsed.TotalSeconds;
        }
        Seconds(false);
        var sequential = Seconds(false);
        var parallel = Seconds(true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bagging k=4 on 10,000 rows, 2 epochs: sequential {sequential:F2} s, parallel {parallel:F2} s, parallel/sequential {parallel / sequential:F3} ({Environment.ProcessorCount} cores)"));

        manual_seed(0);
        using var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 10));
        using var xt = tensor(test.Pixels, new long[] { test.Count, 784 });
        double Throughput(Action predict)
        {
            predict();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 5; i++)
            {
                predict();
            }
            return 5 * test.Count / clock.Elapsed.TotalSeconds;
        }
        var single = Throughput(() =>
        {
            model.eval();
            using var noGrad = no_grad();
            model.call(xt).softmax(1).Dispose();
        });
        var mc = Throughput(() =>
        {
            var (mean, spread) = MonteCarloDropout.Predict(model, xt, 20);
            mean.Dispose();
            spread.Dispose();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prediction throughput: single pass {single:F0} rows/s, MC dropout T=20 {mc:F0} rows/s, ratio {mc / single:F3}"));
    }
}
