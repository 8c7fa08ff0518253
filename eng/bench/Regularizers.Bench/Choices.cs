using System.Diagnostics;
using System.Globalization;
using Regularizers.Torch;
using TorchSharp;
using static TorchSharp.torch;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Modules;

namespace Regularizers.Bench;

/// <summary>
/// Each performance choice the library made on libtorch 1.13, timed against the plain libtorch call that would replace
/// it, on the shapes of the benchmark MLP (activations [128, 256], weights [256, 784], [256, 256], [10, 256]). Reported
/// as paired ratios ours / plain (median and quartiles over rounds), so below 1 means the choice still pays.
/// </summary>
internal static class Choices
{
    public static void Run(int rounds = 21, int repetitions = 200)
    {
        manual_seed(0);
        using var activations = randn(128, 256);
        using var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10));
        var weights = model.parameters().Where(p => p.dim() == 2).ToArray();
        var maxNormLoose = new MaxNorm(3.0);
        var maxNormBinding = new MaxNorm(0.3);
        using var snapshot = cat(weights.Select(w => w.detach().flatten()).ToArray());

        var pairs = new (string Name, Action Ours, Action Plain)[]
        {
            ("inverted dropout mask (SplitMix) vs nn.functional.dropout",
                () => RegularizerFunctional.inverted_dropout(activations, 0.5).Dispose(),
                () => nn.functional.dropout(activations, 0.5, training: true).Dispose()),
            ("classic dropout mask (SplitMix) vs bernoulli_",
                () => RegularizerFunctional.classic_dropout(activations, 0.5).Dispose(),
                () => { using var m = empty_like(activations).bernoulli_(0.5); (activations * m).Dispose(); }),
            ("gaussian noise (SplitMix+BoxMullerMath) vs randn_like",
                () => RegularizerFunctional.gaussian_noise(activations, 0.1).Dispose(),
                () => { using var n = randn_like(activations); (activations + n.mul_(0.1)).Dispose(); }),
            ("gaussian dropout (SplitMix+BoxMullerMath) vs normal_",
                () => RegularizerFunctional.gaussian_dropout(activations, 0.5).Dispose(),
                () => { using var n = empty_like(activations).normal_(1, 1); (activations * n).Dispose(); }),
            ("dropconnect weight mask [256,256] (SplitMix) vs bernoulli_",
                () => RegularizerFunctional.drop_connect_linear(activations, weights[1], null, 0.5).Dispose(),
                () => { using var m = empty_like(weights[1]).bernoulli_(0.5); using var w = weights[1] * m; nn.functional.linear(activations, w).Dispose(); }),
            ("max-norm c=3, none binding (early exit) vs renorm",
                () => maxNormLoose.Apply(model),
                () => { using var noGrad = no_grad(); foreach (var w in weights) { using var r = w.renorm(2, 0, 3f); w.copy_(r); } }),
            ("max-norm c=0.3, all binding (unrolled) vs renorm",
                () => { Restore(weights, snapshot); maxNormBinding.Apply(model); },
                () => { Restore(weights, snapshot); using var noGrad = no_grad(); foreach (var w in weights) { using var r = w.renorm(2, 0, 0.3f); w.copy_(r); } }),
        };

        foreach (var (_, ours, plain) in pairs)
        {
            Time(ours, 20);
            Time(plain, 20);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch threads {get_num_threads()}; ratio ours / plain libtorch, median [quartiles] of {rounds} pairs of {repetitions} calls"));
        foreach (var (name, ours, plain) in pairs)
        {
            var ratios = new List<double>();
            var oursTimes = new List<double>();
            var plainTimes = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which side goes first, so a drift within a round does not favour either.
                var (a, b) = round % 2 == 0 ? (Time(ours, repetitions), Time(plain, repetitions)) : Flip(Time(plain, repetitions), Time(ours, repetitions));
                ratios.Add(a / b);
                oursTimes.Add(a / repetitions);
                plainTimes.Add(b / repetitions);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-72} {Quantile(ratios, 0.5):F3} [{Quantile(ratios, 0.25):F3}, {Quantile(ratios, 0.75):F3}]  ({Quantile(oursTimes, 0.5) * 1e6:F1} µs vs {Quantile(plainTimes, 0.5) * 1e6:F1} µs)"));
        }
    }

    private static (double, double) Flip(double first, double second) => (second, first);

    private static void Restore(Tensor[] weights, Tensor snapshot)
    {
        using var noGrad = no_grad();
        long offset = 0;
        foreach (var w in weights)
        {
            using var part = snapshot.narrow(0, offset, w.numel());
            using var shaped = part.view(w.shape);
            w.copy_(shaped);
            offset += w.numel();
        }
    }

    private static double Time(Action action, int repetitions)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
        {
            action();
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }
}
