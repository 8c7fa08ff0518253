using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Regularizers.Torch.Models;
using Regularizers.Torch.Modules;

namespace Regularizers.ML.Tests;

/// <summary>One trained multiclass pipeline shared by the tests that only read it.</summary>
public sealed class TrainedPipeline : IDisposable
{
    public TrainedPipeline()
    {
        Context = new MLContext(seed: 1);
        TrainData = Context.Data.LoadFromEnumerable(FashionRows.Train);
        TestData = Context.Data.LoadFromEnumerable(FashionRows.Test);
        var pipeline = Context.Transforms.Concatenate("Features", "Pixels")
            .Append(Context.Transforms.Conversion.MapValueToKey("Label"))
            .Append(Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(new RegularizedNeuralNetworkOptions
            {
                HiddenLayers = [64], Epochs = 5, Dropout = DropoutKind.Inverted, DropoutRate = 0.2, L2Regularization = 1e-4, Seed = 3,
            }))
            .Append(Context.Transforms.Conversion.MapKeyToValue("PredictedName", "PredictedLabel"));
        Model = pipeline.Fit(TrainData);
    }

    public MLContext Context { get; }

    public IDataView TrainData { get; }

    public IDataView TestData { get; }

    public TransformerChain<KeyToValueMappingTransformer> Model { get; }

    public RegularizedNeuralNetworkTransformer Network => (RegularizedNeuralNetworkTransformer)Model.ElementAt(2);

    public void Dispose() => Network.Dispose();
}

public class MulticlassPipelineTests(TrainedPipeline trained) : IClassFixture<TrainedPipeline>
{
    [Fact]
    public void Evaluate_FiveEpochsOn3000Images_AccuracyAbove75Percent()
    {
        var metrics = trained.Context.MulticlassClassification.Evaluate(trained.Model.Transform(trained.TestData));

        // A 784-64-10 network reaches about 80% on Fashion-MNIST after a few epochs on 3,000 images.
        Assert.InRange(metrics.MicroAccuracy, 0.75, 1.0);
        Assert.InRange(metrics.LogLoss, 0.0, 0.8);
    }

    [Fact]
    public void Transform_PredictedName_IsAClassNameFromTheLabelKeyValues()
    {
        var predictions = trained.Context.Data.CreateEnumerable<FashionPrediction>(trained.Model.Transform(trained.TestData), reuseRowObject: false).ToList();

        Assert.All(predictions, p => Assert.Contains(p.PredictedName, Regularizers.Cli.Data.FashionMnist.ClassNames));
        Assert.All(predictions, p => Assert.Equal(1.0, p.Score.Sum(), 4));
        var correct = predictions.Zip(FashionRows.Test).Count(p => p.First.PredictedName == p.Second.Label);
        Assert.InRange(correct / (double)predictions.Count, 0.75, 1.0);
    }

    [Fact]
    public void SaveThenLoad_IdenticalScores()
    {
        var path = Path.Combine(Path.GetTempPath(), $"regularizers-ml-{Guid.NewGuid():N}.bin");
        try
        {
            trained.Network.Save(path);
            using var loaded = RegularizedNeuralNetworkTransformer.Load(path);
            var features = trained.Context.Transforms.Concatenate("Features", "Pixels").Fit(trained.TestData).Transform(trained.TestData);

            var before = Scores(trained.Network.Transform(features));
            var after = Scores(loaded.Transform(features));

            Assert.Equal(before, after);
            Assert.Equal(trained.Network.History!.Epochs, loaded.History!.Epochs);
            Assert.Equal(5, loaded.History.Epochs.Count);
            Assert.Null(loaded.History.StopReason);
            Assert.Equal(PredictionKind.MulticlassClassification, loaded.Kind);
            var names = default(VBuffer<ReadOnlyMemory<char>>);
            loaded.GetOutputSchema(features.Schema)["PredictedLabel"].Annotations.GetValue("KeyValues", ref names);
            Assert.Equal(10, names.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Transform_Score_CarriesTheClassNamesAsSlotNamesInKeyOrder()
    {
        var schema = trained.Model.Transform(trained.TestData).Schema;
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        var keyValues = default(VBuffer<ReadOnlyMemory<char>>);

        schema["Score"].Annotations.GetValue("SlotNames", ref slotNames);
        schema["PredictedLabel"].Annotations.GetValue("KeyValues", ref keyValues);

        var names = slotNames.DenseValues().Select(n => n.ToString()).ToList();
        Assert.Equal(keyValues.DenseValues().Select(n => n.ToString()), names);
        Assert.Equal(Regularizers.Cli.Data.FashionMnist.ClassNames.Order(), names.Order());
        Assert.NotEqual(Regularizers.Cli.Data.FashionMnist.ClassNames, names);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsInvalidData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"regularizers-ml-{Guid.NewGuid():N}.bin");
        try
        {
            trained.Network.Save(path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

            var e = Assert.Throws<InvalidDataException>(() => RegularizedNeuralNetworkTransformer.Load(path));

            Assert.StartsWith($"{path} is truncated or corrupt: ", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Network_OptionsReachTheModules()
    {
        var network = trained.Network.Members.Single();

        Assert.Contains(network.named_children(), c => c.module is Regularizers.Torch.Modules.InvertedDropout { p: 0.2 });
        Assert.Equal(5, trained.Network.History!.Epochs.Count);
        Assert.Null(trained.Network.History.StopReason);
    }

    private static float[][] Scores(IDataView scored)
    {
        var column = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var rows = new List<float[]>();
        var value = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value.DenseValues().ToArray());
        }
        return [.. rows];
    }
}
