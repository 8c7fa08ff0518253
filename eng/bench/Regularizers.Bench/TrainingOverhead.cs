using Regularizers.Cli.Data;
using Regularizers.Torch.Optimizers;
using Regularizers.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Bench;

/// <summary>
/// Issue 19's benchmark: the time of a Trainer run of the 784-256-256-10 MLP (batch 128, SGD with momentum, one epoch
/// of 50 batches, no validation) with a weight-averaging callback, with SAM or with gradient clipping, divided by the
/// same run without, measured as paired ratios in the same process (each configuration's run divided by a plain run just
/// before it, the order rotated each round). Targets: EMA ≤ 1.05; SAM about 2 (two forward and backward passes).
/// </summary>
internal static class TrainingOverhead
{
    private sealed record Config(string Name, Func<optim.Optimizer, optim.Optimizer> Optimizer, Func<IReadOnlyList<TrainingCallback>> Callbacks, TrainerOptions Options);

    private static readonly TrainerOptions Base = new() { Epochs = 1, BatchSize = 128, Seed = 1 };

    private static Config Plain(string name, TrainerOptions options) => new(name, o => o, () => [], options);

    private static Config Callback(string name, Func<TrainingCallback> callback) => new(name, o => o, () => [callback()], Base);

    private static readonly Config[] Configs =
    [
        Plain("none", Base),
        Callback("ema", () => new ExponentialMovingAverage(0.999)),
        Callback("ema_warmup", () => new ExponentialMovingAverage(0.999, warmup: true)),
        Callback("ema_every_4", () => new ExponentialMovingAverage(0.999, every: 4)),
        Callback("swa", () => new StochasticWeightAveraging(1, learningRate: 0.01)),
        new("sam", o => new SharpnessAwareMinimization(o), () => [], Base),
        new("asam", o => new SharpnessAwareMinimization(o, 0.5, adaptive: true), () => [], Base),
        Plain("clip_norm", Base with { ClipGradientNorm = 1 }),
        Plain("clip_value", Base with { ClipGradientValue = 0.1 }),
        Plain("accumulate_2", Base with { AccumulationSteps = 2 }),
    ];

    /// <summary>Each configuration's paired ratios: median and quartiles over the rounds.</summary>
    public static IReadOnlyDictionary<string, (double Median, double Low, double High)> Run(LabeledImages train, int batches = 50, int rounds = 10)
    {
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 }).narrow(0, 0, batches * 128).clone();
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray()).narrow(0, 0, batches * 128).clone();
        foreach (var config in Configs)
        {
            Time(config, x, y);
        }
        var ratios = Configs.Skip(1).ToDictionary(c => c.Name, _ => new List<double>());
        var plain = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < Configs.Length - 1; i++)
            {
                var config = Configs[1 + ((i + round) % (Configs.Length - 1))];
                var reference = Time(Configs[0], x, y);
                ratios[config.Name].Add(Time(config, x, y) / reference);
                plain.Add(reference);
            }
        }
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"plain step: {Quantile(plain, 0.5) / batches * 1000:F2} ms (median of {plain.Count} runs of {batches} steps); ratios: median [quartiles] of {rounds} pairs"));
        return ratios.ToDictionary(kv => kv.Key, kv => (Quantile(kv.Value, 0.5), Quantile(kv.Value, 0.25), Quantile(kv.Value, 0.75)));
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }

    /// <summary>Seconds for one Trainer run of the configuration on a fresh seeded model.</summary>
    private static double Time(Config config, Tensor x, Tensor y)
    {
        manual_seed(0);
        using var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10));
        using var inner = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var callbacks = config.Callbacks();
        var trainer = new Trainer(model, config.Optimizer(inner), config.Options with { Callbacks = callbacks });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        trainer.Fit(x, y);
        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var callback in callbacks.OfType<IDisposable>())
        {
            callback.Dispose();
        }
        return seconds;
    }
}
