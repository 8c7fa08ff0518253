using System.Diagnostics;
using System.Globalization;
using Regularizers.Cli.Data;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Models;
using static TorchSharp.torch;

namespace Regularizers.Bench;

/// <summary>
/// Issue 19's benchmark, as paired ratios in one process (each configuration's run divided by a plain run just before it,
/// median and quartiles over rounds): the SGD step of <c>--model cnn</c>'s residual CNN (784-conv8-conv16-64-10, batch 128)
/// with DropPath 0.1 or DropBlock 0.1 (3×3) against none (target ≤ 1.15), and R-Drop's forward pass and training step on
/// the default preset's perceptron with inverted dropout (784-256-10, batch 128) against one plain pass (expected ≈ 2).
/// </summary>
internal static class StructuredDropout
{
    public static void Run(LabeledImages train, int steps = 10, int rounds = 7)
    {
        using var x = tensor(train.Pixels.AsSpan(0, 128 * 784).ToArray(), new long[] { 128, 784 });
        using var y = tensor(train.Labels.Take(128).Select(l => (long)l).ToArray());
        var cnn = new ModelSpec { Inputs = 784, HiddenLayers = [64], Outputs = 10, Architecture = Architecture.ResidualCnn, Channels = [8, 16] };
        var mlp = new ModelSpec { Inputs = 784, HiddenLayers = [256], Outputs = 10, Dropout = DropoutKind.Inverted };
        var rdrop = new RDropLoss(1);
        Report("cnn drop_path", Paired(Step(cnn, x, y, null), Step(cnn with { DropPathRate = 0.1 }, x, y, null), steps, rounds));
        Report("cnn drop_block", Paired(Step(cnn, x, y, null), Step(cnn with { DropBlockRate = 0.1 }, x, y, null), steps, rounds));
        Report("r_drop forward", Paired(Forward(mlp, x, y, null), Forward(mlp, x, y, rdrop), steps * 5, rounds));
        Report("r_drop step", Paired(Step(mlp, x, y, null), Step(mlp, x, y, rdrop), steps * 5, rounds));
    }

    private static void Report(string name, (double Median, double Low, double High, double PlainMs) r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-16} time / plain = {r.Median:F3} [{r.Low:F3}, {r.High:F3}]  (plain {r.PlainMs:F2} ms)"));

    /// <summary>A training step (forward, loss, backward, SGD) of a network built from <paramref name="spec"/>, with R-Drop's loss when given.</summary>
    private static Action Step(ModelSpec spec, Tensor x, Tensor y, RDropLoss? loss)
    {
        manual_seed(1);
        var model = spec.Build();
        var optimizer = optim.SGD(model.parameters(), 0.01);
        return () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var value = loss is null ? nn.functional.cross_entropy(model.call(x), y) : loss.Compute(model, x, y).Loss;
            value.backward();
            optimizer.step();
        };
    }

    /// <summary>A training-mode forward pass and loss, without backward.</summary>
    private static Action Forward(ModelSpec spec, Tensor x, Tensor y, RDropLoss? loss)
    {
        manual_seed(1);
        var model = spec.Build();
        return () =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            _ = loss is null ? nn.functional.cross_entropy(model.call(x), y) : loss.Compute(model, x, y).Loss;
        };
    }

    private static (double Median, double Low, double High, double PlainMs) Paired(Action plain, Action other, int steps, int rounds)
    {
        Time(plain, steps);
        Time(other, steps);
        var ratios = new List<double>();
        var plainTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var reference = Time(plain, steps);
            ratios.Add(Time(other, steps) / reference);
            plainTimes.Add(reference / steps * 1000);
        }
        ratios.Sort();
        plainTimes.Sort();
        return (ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4], plainTimes[rounds / 2]);
    }

    private static double Time(Action action, int steps)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++)
        {
            action();
        }
        return clock.Elapsed.TotalSeconds;
    }
}
