using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.Compat.Tests;

public class EvaluationTests
{
    public sealed class Scored
    {
        [KeyType(3)]
        public uint Label { get; set; }

        [VectorType(3)]
        public float[] Score { get; set; } = [];

        [KeyType(3)]
        public uint PredictedLabel { get; set; }
    }

    public sealed class Regressed
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }

    public sealed class Binary
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }

    [Fact]
    public void Multiclass_KnownScores_GiveTheClosedFormMetrics()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(new[]
        {
            new Scored { Label = 1, Score = [0.7f, 0.2f, 0.1f], PredictedLabel = 1 },
            new Scored { Label = 2, Score = [0.5f, 0.4f, 0.1f], PredictedLabel = 1 },
            new Scored { Label = 2, Score = [0.1f, 0.8f, 0.1f], PredictedLabel = 2 },
            new Scored { Label = 3, Score = [0.2f, 0.2f, 0.6f], PredictedLabel = 3 },
        });

        var m = ml.MulticlassClassification.Evaluate(data, topKPredictionCount: 2);

        Assert.Equal(0.75, m.MicroAccuracy, 12);
        Assert.Equal((1 + 0.5 + 1) / 3.0, m.MacroAccuracy, 12);
        var logLoss = -(Math.Log(0.7f) + Math.Log(0.4f) + Math.Log(0.8f) + Math.Log(0.6f)) / 4;
        Assert.Equal(logLoss, m.LogLoss, 6);
        var prior = -(0.25 * Math.Log(0.25) * 2 + 0.5 * Math.Log(0.5));
        Assert.Equal((prior - logLoss) / prior, m.LogLossReduction, 6);
        Assert.Equal(1.0, m.TopKAccuracy, 12);
        Assert.Equal([0.75, 1.0, 1.0], m.TopKAccuracyForAllK);
    }

    [Fact]
    public void Regression_KnownScores_GiveMaeRmseAndRSquared()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(new[]
        {
            new Regressed { Label = 1, Score = 2 }, new Regressed { Label = 2, Score = 2 }, new Regressed { Label = 3, Score = 2 },
        });

        var m = ml.Regression.Evaluate(data);

        Assert.Equal(2 / 3.0, m.MeanAbsoluteError, 12);
        Assert.Equal(2 / 3.0, m.MeanSquaredError, 12);
        Assert.Equal(Math.Sqrt(2 / 3.0), m.RootMeanSquaredError, 12);
        Assert.Equal(0.0, m.RSquared, 12);
    }

    [Fact]
    public void Binary_KnownScores_GiveAucAccuracyAndLogLossInBits()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(new[]
        {
            new Binary { Label = true, Score = 2, Probability = 0.9f, PredictedLabel = true },
            new Binary { Label = true, Score = -1, Probability = 0.3f, PredictedLabel = false },
            new Binary { Label = false, Score = 0, Probability = 0.5f, PredictedLabel = true },
            new Binary { Label = false, Score = -3, Probability = 0.1f, PredictedLabel = false },
        });

        var m = ml.BinaryClassification.Evaluate(data);

        Assert.Equal(0.5, m.Accuracy, 12);
        // Positive scores {2, −1}, negative {0, −3}: 3 of the 4 pairs are ordered correctly.
        Assert.Equal(0.75, m.AreaUnderRocCurve, 12);
        Assert.Equal(0.5, m.PositivePrecision, 12);
        Assert.Equal(0.5, m.PositiveRecall, 12);
        Assert.Equal(1.0, m.Entropy, 12);
        var logLoss = -(Math.Log2(0.9f) + Math.Log2(0.3f) + Math.Log2(0.5f) + Math.Log2(0.9f)) / 4;
        Assert.Equal(logLoss, m.LogLoss, 6);
    }
}
