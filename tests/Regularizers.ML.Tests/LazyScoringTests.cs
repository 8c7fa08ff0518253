using Microsoft.ML;
using System.Runtime.CompilerServices;
using Microsoft.ML.Data;

namespace Regularizers.ML.Tests;

public class LazyScoringTests
{
    private const int Width = 16;

    private static readonly MLContext Context = new(seed: 9);

    private sealed class Row
    {
        [VectorType(Width)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    /// <summary>Rows made on the fly each time a cursor asks (LoadFromEnumerable re-enumerates), counted in <paramref name="made"/>.</summary>
    private static IEnumerable<Row> Generated(long rows, StrongBox<long> made)
    {
        var random = new Random(1);
        for (long i = 0; i < rows; i++)
        {
            made.Value++;
            var features = new float[Width];
            for (var j = 0; j < Width; j++)
            {
                features[j] = (float)random.NextDouble();
            }
            yield return new Row { Features = features, Label = features[0] + features[1] };
        }
    }

    private static RegularizedNeuralNetworkTransformer Trained(int epochs = 1) =>
        Context.Regression.Trainers.RegularizedNeuralNetwork(new RegularizedNeuralNetworkOptions { HiddenLayers = [8], Epochs = epochs, LearningRate = 0.01, Seed = 1 })
            .Fit(Context.Data.LoadFromEnumerable(Generated(2_000, new StrongBox<long>())));

    [Fact]
    public void Transform_AMillionGeneratedRows_ReadsNoRowUntilACursorMovesAndScoresInBoundedMemory()
    {
        using var model = Trained(epochs: 10);
        var made = new StrongBox<long>();
        var data = Context.Data.LoadFromEnumerable(Generated(1_000_000, made));

        var scored = model.Transform(data);

        Assert.Equal(0, made.Value);
        var column = scored.Schema["Score"];
        // Live managed memory after a full collection, sampled every 100,000 rows: the working set also counts the
        // garbage the generator churns out, which the GC may let grow by 100 MB on an idle machine before collecting.
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        double sum = 0;
        long rows = 0;
        using (var cursor = scored.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<float>(column);
            var score = 0f;
            while (cursor.MoveNext())
            {
                getter(ref score);
                sum += score;
                if (++rows % 100_000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }
            }
        }

        Assert.Equal(1_000_000, rows);
        // Two cursors (the rows and the features) each enumerate the generator once.
        Assert.Equal(2_000_000, made.Value);
        // Label = f0 + f1 with f uniform on [0, 1): its mean is 1, and the trained network's mean score is close to it.
        Assert.InRange(sum / rows, 0.8, 1.2);
        // Scoring everything at once would hold 64 MB of features and 4 MB of scores; one batch is 4,096 rows
        // (256 KB of features).
        Assert.InRange(peak, long.MinValue, 8L << 20);
    }

    [Fact]
    public void Transform_OnlyInputColumnsRead_ScoresNothing()
    {
        using var model = Trained();
        var made = new StrongBox<long>();
        var scored = model.Transform(Context.Data.LoadFromEnumerable(Generated(10_000, made)));

        var labels = scored.GetColumn<float>("Label").Count();

        Assert.Equal(10_000, labels);
        Assert.Equal(10_000, made.Value);
    }

    [Fact]
    public void Transform_NaNFeatureInRow5000_ThrowsWhenTheCursorReachesItsBatch()
    {
        using var model = Trained();
        var rows = Generated(6_000, new StrongBox<long>()).ToList();
        rows[5_000].Features[3] = float.NaN;
        var scored = model.Transform(Context.Data.LoadFromEnumerable(rows));

        var first = scored.GetColumn<float>("Score").Take(4_096).ToList();
        var e = Assert.Throws<InvalidOperationException>(() => scored.GetColumn<float>("Score").ToList());

        Assert.Equal(4_096, first.Count);
        Assert.Equal("Feature column 'Features' has a non-finite value (NaN) in row 5000; replace or drop missing values first.", e.Message);
    }
}
