using System.Diagnostics;
using Regularizers.Data;
using Regularizers.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Bench;

/// <summary>
/// Issue 3's benchmark: the step time of the 784-256-256-10 MLP (batch 128, SGD) with each regularizer, divided by the
/// step time without any, measured in the same process as paired ratios (each configuration's run divided by a plain run
/// just before it) over several rounds.
/// </summary>
internal static class RegularizerOverhead
{
    private sealed record Config(string Name, Func<nn.Module<Tensor, Tensor>?> Dropout, Func<Regularization> Regularization);

    private static readonly Config[] Configs =
    [
        new("none", () => null, () => new Regularization()),
        new("l1", () => null, () => new Regularization(new L1Penalty(1e-5))),
        new("l2", () => null, () => new Regularization(new L2Penalty(1e-4))),
        new("elastic_net", () => null, () => new Regularization(new ElasticNetPenalty(1e-5, 1e-4))),
        new("l1_in_place", () => null, () => new Regularization(new L1Penalty(1e-5)) { Gradients = PenaltyGradients.InPlace }),
        new("l2_in_place", () => null, () => new Regularization(new L2Penalty(1e-4)) { Gradients = PenaltyGradients.InPlace }),
        new("elastic_in_place", () => null, () => new Regularization(new ElasticNetPenalty(1e-5, 1e-4)) { Gradients = PenaltyGradients.InPlace }),
        new("max_norm", () => null, () => new Regularization(new MaxNorm(3.0))),
        // c = 0.3 is below every unit's initial norm (about 0.58), so this one rescales every row at every step.
        new("max_norm_binding", () => null, () => new Regularization(new MaxNorm(0.3))),
        new("unit_norm", () => null, () => new Regularization(new UnitNorm())),
        new("inverted_dropout", () => new InvertedDropout(0.5), () => new Regularization()),
        new("classic_dropout", () => new ClassicDropout(0.5), () => new Regularization()),
        new("gaussian_dropout", () => new GaussianDropout(0.5), () => new Regularization()),
        new("gaussian_noise", () => new GaussianNoise(0.1), () => new Regularization()),
    ];

    /// <summary>Each configuration's paired ratios: per round, its steps timed right after as many plain steps.</summary>
    public static IReadOnlyDictionary<string, (double Median, double Low, double High)> Run(LabeledImages train, int steps = 50, int rounds = 25)
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

    private static double TimeSteps(Config config, Tensor x, Tensor y, int steps)
    {
        manual_seed(0);
        var dropout = config.Dropout;
        using var model = nn.Sequential(
            nn.Linear(784, 256), nn.ReLU(), dropout() ?? (nn.Module<Tensor, Tensor>)nn.Identity(),
            nn.Linear(256, 256), nn.ReLU(), dropout() ?? (nn.Module<Tensor, Tensor>)nn.Identity(),
            nn.Linear(256, 10));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var reg = config.Regularization();
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var idx = randint(0, x.shape[0], new long[] { 128 });
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            if (reg.Penalties.Count > 0)
            {
                loss = loss + reg.Penalty(model);
            }
            loss.backward();
            reg.AfterBackward(model);
            optimizer.step();
            reg.AfterStep(model);
        }
        return clock.Elapsed.TotalSeconds;
    }
}
