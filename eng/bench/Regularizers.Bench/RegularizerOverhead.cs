using System.Diagnostics;
using Regularizers.Cli.Data;
using Regularizers.Torch;
using TorchSharp;
using static TorchSharp.torch;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Penalties;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Optimizers;

namespace Regularizers.Bench;

/// <summary>
/// Issue 3's benchmark: the step time of the 784-256-256-10 MLP (batch 128, SGD) with each regularizer, divided by the
/// step time without any, measured in the same process as paired ratios (each configuration's run divided by a plain run
/// just before it) over several rounds.
/// </summary>
internal static class RegularizerOverhead
{
    /// <summary>
    /// One configuration: the middle (256→256) layer, the module after each hidden ReLU, the loss, and the
    /// regularization (which may need the model, for hooks and tying, or the optimizer, for decoupled weight decay).
    /// </summary>
    private sealed record Config(string Name)
    {
        public Func<nn.Module<Tensor, Tensor>?> Dropout { get; init; } = () => null;

        public Func<nn.Module<Tensor, Tensor>> Hidden { get; init; } = () => nn.Linear(256, 256);

        public Func<Tensor, Tensor, Tensor> Loss { get; init; } = (output, target) => nn.functional.cross_entropy(output, target);

        public Func<TorchSharp.Modules.Sequential, optim.Optimizer, Regularization> Regularization { get; init; } = (_, _) => new();
    }

    private static Config Penalty(string name, Func<Regularization> create) => new(name) { Regularization = (_, _) => create() };

    private static readonly Config[] Configs =
    [
        new("none"),
        Penalty("l1", () => new Regularization { new L1Penalty(1e-5) }),
        Penalty("l2", () => new Regularization { new L2Penalty(1e-4) }),
        Penalty("elastic_net", () => new Regularization { new ElasticNetPenalty(1e-5, 1e-4) }),
        Penalty("l1_in_place", () => new Regularization(PenaltyGradients.InPlace) { new L1Penalty(1e-5) }),
        Penalty("l2_in_place", () => new Regularization(PenaltyGradients.InPlace) { new L2Penalty(1e-4) }),
        Penalty("elastic_in_place", () => new Regularization(PenaltyGradients.InPlace) { new ElasticNetPenalty(1e-5, 1e-4) }),
        // L1 on the first hidden layer's outputs (its ReLU, module 1).
        new("activity_l1") { Regularization = (model, _) => new Regularization { new ActivityPenalty((nn.Module<Tensor, Tensor>)model[1], 1e-5) } },
        // The middle layer pulled towards a fixed copy of its initial weights.
        new("parameter_tying") { Regularization = (model, _) => new Regularization { new ParameterTyingPenalty((nn.Module)model[3], Reference((nn.Module)model[3]), 1e-4) } },
        new("decoupled_decay") { Regularization = (_, optimizer) => new Regularization { new DecoupledWeightDecay(1e-4, optimizer) } },
        Penalty("max_norm", () => new Regularization { new MaxNorm(3.0) }),
        // c = 0.3 is below every unit's initial norm (about 0.58), so this one rescales every row at every step.
        Penalty("max_norm_binding", () => new Regularization { new MaxNorm(0.3) }),
        Penalty("unit_norm", () => new Regularization { new UnitNorm() }),
        Penalty("min_max_norm", () => new Regularization { new MinMaxNorm(0.5, 1.0) }),
        Penalty("non_neg", () => new Regularization { new NonNeg() }),
        new("label_smoothing") { Loss = new LabelSmoothingCrossEntropy(0.1).call },
        new("inverted_dropout") { Dropout = () => new InvertedDropout(0.5) },
        new("classic_dropout") { Dropout = () => new ClassicDropout(0.5) },
        new("gaussian_dropout") { Dropout = () => new GaussianDropout(0.5) },
        new("gaussian_noise") { Dropout = () => new GaussianNoise(0.1) },
        new("dropconnect") { Hidden = () => new DropConnectLinear(256, 256, 0.5) },
        new("weight_noise") { Hidden = () => new WeightNoise(nn.Linear(256, 256), 0.01) },
    ];

    /// <summary>A frozen copy of a 256→256 Linear layer's parameters, for tying.</summary>
    private static nn.Module Reference(nn.Module layer)
    {
        var copy = nn.Linear(256, 256);
        using var noGrad = no_grad();
        foreach (var (a, b) in copy.parameters().Zip(layer.parameters()))
        {
            a.copy_(b);
            a.requires_grad = false;
        }
        return copy;
    }

    /// <summary>Each configuration's paired ratios: per round, its steps timed right after as many plain steps.</summary>
    public static IReadOnlyDictionary<string, (double Median, double Low, double High)> Run(LabeledImages train, int steps = 50, int rounds = 20)
    {
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        var baseline = Configs[0];
        foreach (var config in Configs)
        {
            TimeSteps(config, x, y, 20);
        }
        var ratios = Configs.Skip(1).ToDictionary(c => c.Name, _ => new List<double>());
        var plain = new List<double>();
        // Each ratio divides two back-to-back measurements, so the machine's slow drifts (this VM's plain step moves
        // between 1.0 and 1.4 ms from run to run) cancel; rotating the order spreads what remains over the configurations.
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < Configs.Length - 1; i++)
            {
                var config = Configs[1 + ((i + round) % (Configs.Length - 1))];
                var reference = TimeSteps(baseline, x, y, steps);
                ratios[config.Name].Add(TimeSteps(config, x, y, steps) / reference);
                plain.Add(reference);
            }
        }
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"plain step: {Quantile(plain, 0.5) / steps * 1000:F2} ms (median of {plain.Count} runs of {steps} steps); ratios: median [quartiles] of {rounds} pairs"));
        return ratios.ToDictionary(kv => kv.Key, kv => (Quantile(kv.Value, 0.5), Quantile(kv.Value, 0.25), Quantile(kv.Value, 0.75)));
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }

    /// <summary>
    /// The soak: each configuration trained for <paramref name="steps"/> steps on one model, with the live-tensor count
    /// and the process's resident memory read after the first tenth (warm) and at the end. A leak of one tensor per
    /// step shows as thousands of live tensors; a native leak as resident memory that keeps growing.
    /// </summary>
    public static IReadOnlyList<(string Name, long WarmTensors, long EndTensors, double WarmMegabytes, double EndMegabytes)> Soak(LabeledImages train, int steps)
    {
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        var rows = new List<(string, long, long, double, double)>();
        foreach (var config in Configs)
        {
            (long Tensors, double Megabytes) warm = default, end = default;
            TimeSteps(config, x, y, steps, step =>
            {
                if (step == (steps / 10) - 1)
                {
                    warm = Footprint();
                }
                else if (step == steps - 1)
                {
                    end = Footprint();
                }
            });
            rows.Add((config.Name, warm.Tensors, end.Tensors, warm.Megabytes, end.Megabytes));
        }
        return rows;
    }

    private static (long Tensors, double Megabytes) Footprint()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (Tensor.TotalCount, process.WorkingSet64 / (1024.0 * 1024.0));
    }

    private static double TimeSteps(Config config, Tensor x, Tensor y, int steps, Action<int>? afterStep = null)
    {
        manual_seed(0);
        var dropout = config.Dropout;
        using var model = nn.Sequential(
            nn.Linear(784, 256), nn.ReLU(), dropout() ?? (nn.Module<Tensor, Tensor>)nn.Identity(),
            config.Hidden(), nn.ReLU(), dropout() ?? (nn.Module<Tensor, Tensor>)nn.Identity(),
            nn.Linear(256, 10));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var reg = config.Regularization(model, optimizer);
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var idx = randint(0, x.shape[0], new long[] { 128 });
            optimizer.zero_grad();
            var loss = config.Loss(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            if (reg.HasPenalties)
            {
                loss = loss + reg.Penalty(model);
            }
            loss.backward();
            reg.AfterBackward(model);
            optimizer.step();
            reg.AfterStep(model);
            afterStep?.Invoke(step);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var disposable in reg.BoundPenalties.OfType<IDisposable>())
        {
            disposable.Dispose();
        }
        return seconds;
    }
}
