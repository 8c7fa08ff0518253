using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Regularizers.Cli.Data;
using Regularizers.ML;
using Regularizers.Torch;
using Regularizers.Torch.Models;
using Regularizers.Torch.Training;
using static TorchSharp.torch;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Penalties;

namespace Regularizers.Bench;

/// <summary>
/// Issue 8's benchmark: the ML.NET trainer's Fit on 20,000 Fashion-MNIST rows (784-128-10, Adam, batch 64, 3 epochs,
/// dropout 0.2, L2 1e-4) against the same network trained directly with <see cref="Trainer"/> on tensors, in the same
/// process; three alternating rounds, minimum times.
/// </summary>
internal static class MlNetFit
{
    private const int Rows = 20_000;

    public sealed class Row
    {
        [VectorType(784)]
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }

    public static void Run(LabeledImages all)
    {
        var train = all.Take(Rows);
        var ml = new MLContext(0);
        var rows = Enumerable.Range(0, Rows).Select(i => new Row { Features = train.Pixels.AsSpan(i * 784, 784).ToArray(), Label = (uint)train.Labels[i] }).ToList();
        var data = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));
        var options = new RegularizedNeuralNetworkOptions { HiddenLayers = [128], Epochs = 3, Dropout = DropoutKind.Inverted, DropoutRate = 0.2, L2Regularization = 1e-4 };
        var fit = new List<double>();
        var direct = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            using (ml.MulticlassClassification.Trainers.RegularizedNeuralNetwork(options).Fit(data))
            {
                fit.Add(clock.Elapsed.TotalSeconds);
            }
            direct.Add(Direct(train));
        }
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            rows = Rows,
            mlnet_fit_seconds = fit.Min(),
            trainer_seconds = direct.Min(),
            ratio = fit.Min() / direct.Min(),
        }));
    }

    private static double Direct(LabeledImages train)
    {
        var clock = Stopwatch.StartNew();
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        manual_seed(0);
        using var model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), new InvertedDropout(0.2), nn.Linear(128, 10));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        new Trainer(model, optimizer, new TrainerOptions { Epochs = 3, BatchSize = 64, Seed = 0, Regularization = new Regularization { new L2Penalty(1e-4) } }).Fit(x, y);
        return clock.Elapsed.TotalSeconds;
    }
}
