using System.Diagnostics;
using Microsoft.ML;
using Regularizers.Cli.Data;
using Regularizers.ML;

namespace Regularizers.Bench;

/// <summary>
/// Issue 16's persistence benchmark: on 20,000 Fashion-MNIST rows, <c>SaveWithNetworks</c> + <c>LoadWithNetworks</c> of
/// a pipeline ending in the default network (784-128-10, one epoch: the weights' values do not change the cost) against
/// ML.NET's own <c>Model.Save</c> + <c>Model.Load</c> of the same pipeline ending in <c>SdcaMaximumEntropy</c> (one
/// iteration, for the same reason); time (minimum of five rounds, each save then load and one scored row) and file size.
/// </summary>
internal static class MlNetSave
{
    private const int Rows = 20_000;

    public static void Run(LabeledImages all)
    {
        var train = all.Take(Rows);
        var ml = new MLContext(0);
        var rows = Enumerable.Range(0, Rows).Select(i => new MlNetFit.Row { Features = train.Pixels.AsSpan(i * 784, 784).ToArray(), Label = (uint)train.Labels[i] }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var toKey = ml.Transforms.Conversion.MapValueToKey("Label");
        var ours = toKey.Append(ml.MulticlassClassification.Trainers.RegularizedNeuralNetwork(new RegularizedNeuralNetworkOptions { Epochs = 1 })).Fit(data);
        var sdca = toKey.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 1)).Fit(data);
        var folder = Directory.CreateTempSubdirectory("regularizers-bench-").FullName;
        try
        {
            var (oursSeconds, oursBytes) = Measure(Path.Combine(folder, "ours.zip"), data, path =>
            {
                ml.Model.SaveWithNetworks(ours, data.Schema, path);
                var loaded = ml.Model.LoadWithNetworks(path, out _);
                Touch(ml, loaded, data);
                foreach (var network in ((IEnumerable<ITransformer>)loaded).OfType<RegularizedNeuralNetworkTransformer>())
                {
                    network.Dispose();
                }
            });
            var (sdcaSeconds, sdcaBytes) = Measure(Path.Combine(folder, "sdca.zip"), data, path =>
            {
                ml.Model.Save(sdca, data.Schema, path);
                Touch(ml, ml.Model.Load(path, out _), data);
            });
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                save_with_networks_load_seconds = oursSeconds,
                save_with_networks_bytes = oursBytes,
                sdca_save_load_seconds = sdcaSeconds,
                sdca_bytes = sdcaBytes,
                time_ratio = oursSeconds / sdcaSeconds,
                size_ratio = (double)oursBytes / sdcaBytes,
            }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double Seconds, long Bytes) Measure(string path, IDataView data, Action<string> saveAndLoad)
    {
        saveAndLoad(path);
        var times = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            saveAndLoad(path);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return (times.Min(), new FileInfo(path).Length);
    }

    /// <summary>Scores one row, so a lazily loaded model would pay its deferred cost inside the measurement; checks its width.</summary>
    private static void Touch(MLContext ml, ITransformer model, IDataView data)
    {
        var scored = ml.Data.CreateEnumerable<Scored>(model.Transform(ml.Data.TakeRows(data, 1)), reuseRowObject: false).Single();
        if (scored.Score.Length != 10)
        {
            throw new InvalidOperationException($"The loaded model scored {scored.Score.Length} classes, not 10.");
        }
    }

    private sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }
}
