using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML.Tests;

/// <summary>
/// ML.NET's own PermutationFeatureImportance on our transformer. Five features: the label is built from feature 0
/// (strongly) and feature 1 (weakly); features 2–4 are pure noise. Importance is the metric's drop when a feature's
/// values are shuffled, so feature 0 must rank first and features 2–4 last.
/// </summary>
public class PermutationFeatureImportanceTests
{
    private static readonly MLContext Context = new(seed: 8);

    private sealed class Row
    {
        [VectorType(5)]
        public float[] Features { get; set; } = [];

        public float Target { get; set; }

        public bool Positive { get; set; }

        public uint Class { get; set; }
    }

    private static IDataView Data()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 400).Select(_ =>
        {
            var f = Enumerable.Range(0, 5).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
            var target = (2 * f[0]) + (0.5f * f[1]) + (float)(0.05 * ((random.NextDouble() * 2) - 1));
            return new Row { Features = f, Target = target, Positive = target > 0, Class = target < -0.7f ? 1u : target < 0.7f ? 2u : 3u };
        }).ToList();
        var data = Context.Data.LoadFromEnumerable(rows);
        return Context.Transforms.Conversion.MapValueToKey("ClassKey", "Class").Fit(data).Transform(data);
    }

    private static RegularizedNeuralNetworkOptions Options(string label) => new()
    {
        LabelColumnName = label, HiddenLayers = [16], Epochs = 20, BatchSize = 32, LearningRate = 0.01, Seed = 2,
    };

    /// <summary>Features ordered by importance, most important first.</summary>
    private static int[] Ranking(IEnumerable<double> drops) => drops.Select((d, i) => (Drop: d, Index: i)).OrderByDescending(p => p.Drop).Select(p => p.Index).ToArray();

    private static void AssertSignalFirstNoiseLast(int[] ranking)
    {
        Assert.Equal(0, ranking[0]);
        Assert.Equal(1, ranking[1]);
        Assert.Equal([2, 3, 4], ranking[2..].Order());
    }

    [Fact]
    public void Regression_LabelCarryingFeatureFirst_NoiseLast()
    {
        var data = Data();
        using var model = Context.Regression.Trainers.RegularizedNeuralNetwork(Options("Target")).Fit(data);

        var importance = Context.Regression.PermutationFeatureImportance(model, data, "Target", permutationCount: 2);

        var drops = importance.Select(m => -m.RSquared.Mean).ToList();
        AssertSignalFirstNoiseLast(Ranking(drops));
        Assert.InRange(drops[0], 1.0, 10.0);
        Assert.All(drops.Skip(2), d => Assert.InRange(d, -0.02, 0.02));
    }

    [Fact]
    public void Binary_LabelCarryingFeatureFirst_NoiseLast()
    {
        var data = Data();
        using var model = Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options("Positive")).Fit(data);

        var importance = Context.BinaryClassification.PermutationFeatureImportance(model, data, "Positive", permutationCount: 2);

        var drops = importance.Select(m => -m.AreaUnderRocCurve.Mean).ToList();
        AssertSignalFirstNoiseLast(Ranking(drops));
        Assert.InRange(drops[0], 0.2, 0.5);
        Assert.All(drops.Skip(2), d => Assert.InRange(d, -0.01, 0.01));
    }

    [Fact]
    public void Multiclass_LabelCarryingFeatureFirst_NoiseLast()
    {
        var data = Data();
        using var model = Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(Options("ClassKey")).Fit(data);

        var importance = Context.MulticlassClassification.PermutationFeatureImportance(model, data, "ClassKey", permutationCount: 2);

        var drops = importance.Select(m => -m.MicroAccuracy.Mean).ToList();
        AssertSignalFirstNoiseLast(Ranking(drops));
        Assert.InRange(drops[0], 0.3, 1.0);
        Assert.All(drops.Skip(2), d => Assert.InRange(d, -0.02, 0.02));
    }
}
