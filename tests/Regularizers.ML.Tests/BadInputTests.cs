using Microsoft.ML;

namespace Regularizers.ML.Tests;

public class BadInputTests
{
    private static readonly MLContext Context = new(seed: 3);

    private sealed class Row
    {
        [Microsoft.ML.Data.VectorType(2)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private static IDataView Keyed(params Row[] rows)
    {
        var data = Context.Data.LoadFromEnumerable(rows);
        return Context.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
    }

    [Fact]
    public void Fit_MissingFeatureColumn_NamesIt()
    {
        var trainer = Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(featureColumnName: "Pixels");

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(Keyed(new Row { Features = [1, 2], Label = 1 })));

        Assert.StartsWith("Feature column 'Pixels' not found. Columns: Features, Label.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NumericLabelForMulticlass_AsksForAKey()
    {
        var data = Context.Data.LoadFromEnumerable([new Row { Features = [1, 2], Label = 1 }]);

        var e = Assert.Throws<ArgumentException>(() => Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork().Fit(data));

        Assert.StartsWith("Label column 'Label' has type Single; a key column (MapValueToKey) is needed for multiclass classification.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_EmptyDataView_SaysSo()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Context.Regression.Trainers.RegularizedNeuralNetwork().Fit(Context.Data.LoadFromEnumerable(Array.Empty<Row>())));

        Assert.Equal("The training data has no rows.", e.Message);
    }

    [Fact]
    public void Fit_NaNFeature_NamesColumnAndRow()
    {
        var data = Context.Data.LoadFromEnumerable([new Row { Features = [1, 2], Label = 1 }, new Row { Features = [float.NaN, 2], Label = 2 }]);

        var e = Assert.Throws<InvalidOperationException>(() => Context.Regression.Trainers.RegularizedNeuralNetwork().Fit(data));

        Assert.Equal("Feature column 'Features' has a non-finite value (NaN) in row 1; replace or drop missing values first.", e.Message);
    }

    [Fact]
    public void Fit_MissingKeyLabel_NamesRowAndRange()
    {
        var train = Context.Data.LoadFromEnumerable([new Row { Features = [1, 2], Label = 1 }, new Row { Features = [3, 4], Label = 2 }]);
        var toKey = Context.Transforms.Conversion.MapValueToKey("Label").Fit(train);
        var withUnseen = toKey.Transform(Context.Data.LoadFromEnumerable([new Row { Features = [1, 2], Label = 1 }, new Row { Features = [5, 6], Label = 7 }]));

        var e = Assert.Throws<InvalidOperationException>(() => Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork().Fit(withUnseen));

        Assert.Equal("Label column 'Label' has key 0 in row 1, outside 1..2 (0 means missing).", e.Message);
    }

    [Theory]
    [InlineData("Epochs", "Epochs must be an integer greater than or equal to 1. Received: Epochs=0.")]
    [InlineData("LearningRate", "LearningRate must be a finite number greater than 0. Received: LearningRate=0.")]
    [InlineData("DropoutRate", "DropoutRate must be a finite number in the range [0, 1). Received: DropoutRate=1.")]
    public void Options_InvalidValue_ThrowsExactMessage(string option, string message)
    {
        var options = new RegularizedNeuralNetworkOptions();
        switch (option)
        {
            case "Epochs":
                options.Epochs = 0;
                break;
            case "LearningRate":
                options.LearningRate = 0;
                break;
            default:
                options.DropoutRate = 1;
                break;
        }

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(options));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ForeignFile_ThrowsInvalidData()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a model");

            var e = Assert.Throws<InvalidDataException>(() => RegularizedNeuralNetworkTransformer.Load(path));

            Assert.Equal($"{path} is not a model file of Regularizers.Torch (it does not start with \"Regularizers.Torch.Model\").", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_AnotherKindOfModelFile_NamesBothKinds()
    {
        using var stream = new MemoryStream();
        Regularizers.Torch.Models.ModelFile.Write(stream, "BaggingEnsemble", new { Combination = "ArithmeticMean" }, []);
        stream.Position = 0;

        var e = Assert.Throws<InvalidDataException>(() => RegularizedNeuralNetworkTransformer.Load(stream));

        Assert.Equal("The stream is a saved BaggingEnsemble, not a RegularizedNeuralNetworkTransformer.", e.Message);
    }

    [Fact]
    public void Load_ForeignStream_SaysTheStream()
    {
        using var stream = new MemoryStream([1, 2, 3]);

        var e = Assert.Throws<InvalidDataException>(() => RegularizedNeuralNetworkTransformer.Load(stream));

        Assert.Equal("The stream is not a model file of Regularizers.Torch (it does not start with \"Regularizers.Torch.Model\").", e.Message);
    }
}
