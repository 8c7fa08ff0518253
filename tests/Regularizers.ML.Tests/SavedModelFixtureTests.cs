using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML.Tests;

/// <summary>
/// A model saved by Regularizers.ML 0.2.0 (magic <c>Regularizers.ML.RegularizedNeuralNetwork/1</c>): a 4-3-2 tanh
/// network with classic dropout p = 0.25 and labels "cat"/"dog", trained for one epoch; the expected scores are what it
/// gave on the probe rows right after training.
/// </summary>
public class SavedModelFixtureTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regularized-network-v0.bin");

    private sealed class Row
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Scored
    {
        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }
    }

    [Fact]
    public void Load_ModelFromVersion020_SameScoresAndLabelNames()
    {
        var context = new MLContext(seed: 1);
        using var model = RegularizedNeuralNetworkTransformer.Load(Fixture);
        var probe = context.Data.LoadFromEnumerable(new[]
        {
            new Row { Features = [0.5f, -1f, 2f, 0.25f] }, new Row { Features = [-0.75f, 0.1f, 0.3f, -2f] }, new Row { Features = [1f, 1f, 1f, 1f] },
        });

        var scored = model.Transform(probe);
        var rows = context.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false).ToList();

        Assert.Equal(PredictionKind.MulticlassClassification, model.Kind);
        Assert.Equal([0.5880256f, 0.4119743f, 0.4427746f, 0.55722547f, 0.51767033f, 0.48232964f], rows.SelectMany(r => r.Score), new FloatTolerance(1e-6f));
        Assert.Equal([1u, 2u, 1u], rows.Select(r => r.PredictedLabel));
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        scored.Schema["PredictedLabel"].Annotations.GetValue("KeyValues", ref names);
        Assert.Equal(["cat", "dog"], names.DenseValues().Select(n => n.ToString()));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(y));

        public int GetHashCode(float obj) => 0;
    }
}
