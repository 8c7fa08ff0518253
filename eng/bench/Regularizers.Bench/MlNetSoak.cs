using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Regularizers.Cli.Data;
using Regularizers.ML;
using Regularizers.Torch.Models;
using static TorchSharp.torch;

namespace Regularizers.Bench;

/// <summary>
/// Leak soak for ML.NET users: each cycle fits a whole pipeline (key mapping + our trainer, 784-64-10, dropout 0.2, L2
/// 1e-4, one epoch of 10 batches of 128 rows), scores its rows through <c>Transform</c> with a cursor over every score,
/// predicts 8 rows through a <c>PredictionEngine</c>, and disposes the engine and the network, as a user re-training in
/// a loop would. The live-tensor count and resident memory after the first tenth of the cycles are set against the end.
/// TorchSharp's live-tensor counter (<c>Tensor.TotalCount</c>) rises by 2 for every <c>Linear</c> built and disposed
/// although the memory is freed: a <c>Parameter</c> made from a tensor takes over its lifetime without the counter
/// counting it down (dotnet/TorchSharp#1397), so the count is reported with those 4 a cycle taken off.
/// </summary>
internal static class MlNetSoak
{
    private const int Rows = 1280;

    private const int LinearsPerCycle = 2;

    public sealed class Row
    {
        [VectorType(784)]
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }

    public sealed class Prediction
    {
        public uint PredictedLabel { get; set; }
    }

    public static (long WarmTensors, long EndTensors, double WarmMegabytes, double EndMegabytes, double SecondsPerCycle) Run(LabeledImages all, int cycles)
    {
        var ml = new MLContext(0);
        var rows = Enumerable.Range(0, 4 * Rows).Select(i => new Row { Features = all.Pixels.AsSpan(i * 784, 784).ToArray(), Label = (uint)all.Labels[i] }).ToList();
        var options = new RegularizedNeuralNetworkOptions { HiddenLayers = [64], Epochs = 1, BatchSize = 128, Dropout = DropoutKind.Inverted, DropoutRate = 0.2, L2Regularization = 1e-4 };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label").Append(ml.MulticlassClassification.Trainers.RegularizedNeuralNetwork(options));
        (long Tensors, double Megabytes) warm = default;
        var clock = new Stopwatch();
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            if (cycle == cycles / 10)
            {
                warm = Footprint(cycle);
                clock.Start();
            }
            var slice = ml.Data.LoadFromEnumerable(rows.Skip(cycle % 4 * Rows).Take(Rows));
            var model = pipeline.Fit(slice);
            try
            {
                var scored = model.Transform(slice);
                var scores = scored.GetColumn<VBuffer<float>>("Score").Count();
                if (scores != Rows)
                {
                    throw new InvalidOperationException($"Transform gave {scores} scores for {Rows} rows.");
                }
                using var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(model);
                for (var i = 0; i < 8; i++)
                {
                    engine.Predict(rows[i]);
                }
            }
            finally
            {
                model.LastTransformer.Dispose();
            }
        }
        clock.Stop();
        var end = Footprint(cycles);
        return (warm.Tensors, end.Tensors, warm.Megabytes, end.Megabytes, clock.Elapsed.TotalSeconds / (cycles - (cycles / 10)));
    }

    private static (long Tensors, double Megabytes) Footprint(int cyclesDone)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (Tensor.TotalCount - (2L * LinearsPerCycle * cyclesDone), process.WorkingSet64 / (1024.0 * 1024.0));
    }
}
