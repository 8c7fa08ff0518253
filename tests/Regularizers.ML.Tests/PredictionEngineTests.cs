using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML.Tests;

/// <summary>Three small trained pipelines (multiclass, regression, binary) read through prediction engines.</summary>
public sealed class ThreeTaskPipelines : IDisposable
{
    public ThreeTaskPipelines()
    {
        var train = Context.Data.LoadFromEnumerable(FashionRows.Train);
        Test = Context.Data.LoadFromEnumerable(FashionRows.Test);
        var features = Context.Transforms.Concatenate("Features", "Pixels");
        Multiclass = features.Append(Context.Transforms.Conversion.MapValueToKey("Label"))
            .Append(Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(new RegularizedNeuralNetworkOptions { HiddenLayers = [32], Epochs = 2, Seed = 5 }))
            .Append(Context.Transforms.Conversion.MapKeyToValue("PredictedName", "PredictedLabel"))
            .Fit(train);
        Regression = features.Append(Context.Regression.Trainers.RegularizedNeuralNetwork(new RegularizedNeuralNetworkOptions { LabelColumnName = "Brightness", HiddenLayers = [16], Epochs = 2, Seed = 5 }))
            .Fit(train);
        Binary = features.Append(Context.BinaryClassification.Trainers.RegularizedNeuralNetwork("IsFootwear", "Features", 16))
            .Fit(train);
    }

    public MLContext Context { get; } = new(seed: 2);

    public IDataView Test { get; }

    public ITransformer Multiclass { get; }

    public ITransformer Regression { get; }

    public ITransformer Binary { get; }

    public void Dispose()
    {
        foreach (var model in new[] { Multiclass, Regression, Binary }.Cast<IEnumerable<ITransformer>>())
        {
            foreach (var network in model.OfType<RegularizedNeuralNetworkTransformer>())
            {
                network.Dispose();
            }
        }
    }
}

public sealed class RegressionPrediction
{
    public float Score { get; set; }
}

public sealed class BinaryPrediction
{
    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }
}

public sealed class ShortRow
{
    [VectorType(784)]
    public float[] Pixels { get; set; } = [];
}

public class PredictionEngineTests(ThreeTaskPipelines pipelines) : IClassFixture<ThreeTaskPipelines>
{
    private const int Rows = 300;

    // One row goes through BLAS's matrix-vector path and a batch through matrix-matrix, which sum in another order.
    private const float Tolerance = 1e-5f;

    [Fact]
    public void Multiclass_ManyDistinctRowsThroughOneEngine_EqualTransform()
    {
        var batch = Batch<FashionPrediction>(pipelines.Multiclass);
        var engine = pipelines.Context.Model.CreatePredictionEngine<FashionRow, FashionPrediction>(pipelines.Multiclass);

        var single = FashionRows.Test.Take(Rows).Select(r => engine.Predict(r)).ToList();

        Assert.Equal(batch.Select(p => p.PredictedName), single.Select(p => p.PredictedName));
        Assert.All(batch.Zip(single), p => Assert.Equal(p.First.Score, p.Second.Score, (a, b) => Math.Abs(a - b) <= Tolerance));
        Assert.InRange(single.Select(p => p.PredictedName).Distinct().Count(), 8, 10);
    }

    [Fact]
    public void Regression_ManyDistinctRowsThroughOneEngine_EqualTransform()
    {
        var batch = Batch<RegressionPrediction>(pipelines.Regression);
        var engine = pipelines.Context.Model.CreatePredictionEngine<FashionRow, RegressionPrediction>(pipelines.Regression);

        var single = FashionRows.Test.Take(Rows).Select(r => engine.Predict(r).Score).ToList();

        Assert.All(batch.Zip(single), p => Assert.Equal(p.First.Score, p.Second, Tolerance));
        Assert.Equal(Rows, single.Distinct().Count());
    }

    [Fact]
    public void Binary_ManyDistinctRowsThroughOneEngine_EqualTransform()
    {
        var batch = Batch<BinaryPrediction>(pipelines.Binary);
        var engine = pipelines.Context.Model.CreatePredictionEngine<FashionRow, BinaryPrediction>(pipelines.Binary);

        var single = FashionRows.Test.Take(Rows).Select(r => engine.Predict(r)).ToList();

        Assert.Equal(batch.Select(p => p.PredictedLabel), single.Select(p => p.PredictedLabel));
        Assert.All(batch.Zip(single), p => Assert.Equal(p.First.Probability, p.Second.Probability, Tolerance));
        Assert.All(batch.Zip(single), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-3f));
        Assert.Contains(single, p => p.PredictedLabel);
        Assert.Contains(single, p => !p.PredictedLabel);
    }

    [Fact]
    public void Multiclass_OneEnginePerThread_EachEqualsTransform()
    {
        var batch = Batch<FashionPrediction>(pipelines.Multiclass);

        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(thread =>
        {
            var engine = pipelines.Context.Model.CreatePredictionEngine<FashionRow, FashionPrediction>(pipelines.Multiclass);
            // Each thread walks the rows from another starting point, so the engines score different rows at once.
            var order = Enumerable.Range(0, Rows).Select(i => (i + (thread * 75)) % Rows).ToList();
            return order.Select(i => (Index: i, Prediction: engine.Predict(FashionRows.Test[i]))).ToList();
        }).ToList();

        Assert.All(results.SelectMany(r => r), r =>
        {
            Assert.Equal(batch[r.Index].PredictedName, r.Prediction.PredictedName);
            Assert.Equal(batch[r.Index].Score, r.Prediction.Score, (a, b) => Math.Abs(a - b) <= Tolerance);
        });
    }

    [Theory]
    [InlineData(700)]
    [InlineData(800)]
    public void Predict_FeatureVectorOfWrongLength_ThrowsNamingColumnAndLengths(int length)
    {
        var engine = pipelines.Context.Model.CreatePredictionEngine<ShortRow, RegressionPrediction>(pipelines.Regression);
        engine.Predict(new ShortRow { Pixels = FashionRows.Test[0].Pixels });

        var e = Assert.Throws<InvalidOperationException>(() => engine.Predict(new ShortRow { Pixels = new float[length] }));

        Assert.Equal($"Feature column 'Features' has {length} values in row 1; the model expects 784.", e.Message);
    }

    private List<T> Batch<T>(ITransformer model) where T : class, new() =>
        pipelines.Context.Data.CreateEnumerable<T>(model.Transform(pipelines.Context.Data.TakeRows(pipelines.Test, Rows)), reuseRowObject: false).ToList();
}
