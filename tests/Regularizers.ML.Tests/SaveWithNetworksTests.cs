using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML.Tests;

public sealed class SaveWithNetworksTests(ThreeTaskPipelines pipelines) : IClassFixture<ThreeTaskPipelines>, IDisposable
{
    private const int Rows = 500;

    // A PredictionEngine scores one row (BLAS's matrix-vector path), Transform a batch (matrix-matrix): they sum in another order.
    private const float EngineTolerance = 1e-5f;

    private readonly string _folder = Directory.CreateTempSubdirectory("regularizers-pipeline-").FullName;

    private MLContext Context => pipelines.Context;

    private IDataView Test => Context.Data.TakeRows(pipelines.Test, Rows);

    private string PathOf(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(PredictionKind.MulticlassClassification, "Score", "PredictedLabel")]
    [InlineData(PredictionKind.Regression, "Score", null)]
    [InlineData(PredictionKind.BinaryClassification, "Probability", "PredictedLabel")]
    public void SaveWithNetworksThenLoad_EachTask_SameScoresLabelsAndSchema(PredictionKind kind, string score, string? label)
    {
        var model = Pipeline(kind);
        var path = PathOf("model.zip");

        Context.Model.SaveWithNetworks(model, pipelines.Test.Schema, path);
        var loaded = Context.Model.LoadWithNetworks(path, out var schema);
        try
        {
            var before = model.Transform(Test);
            var after = loaded.Transform(Test);

            Assert.Equal(pipelines.Test.Schema.Select(c => (c.Name, c.Type)), schema!.Select(c => (c.Name, c.Type)));
            Assert.Equal(before.Schema.Select(c => (c.Name, c.Type.ToString())), after.Schema.Select(c => (c.Name, c.Type.ToString())));
            AssertClose(Floats(before, score), Floats(after, score), 1e-6f);
            if (label is not null)
            {
                Assert.Equal(Strings(before, label), Strings(after, label));
            }
            Assert.InRange(Floats(after, score).Select(r => r[0]).Distinct().Count(), Rows / 2, Rows);
        }
        finally
        {
            DisposeNetworks(loaded);
        }
    }

    [Fact]
    public void LoadWithNetworks_Multiclass_PredictionEngineEqualsTransformOnEveryRow()
    {
        var loaded = SaveAndLoad(pipelines.Multiclass);
        try
        {
            var batch = Context.Data.CreateEnumerable<FashionPrediction>(loaded.Transform(Test), reuseRowObject: false).ToList();
            var engine = Context.Model.CreatePredictionEngine<FashionRow, FashionPrediction>(loaded);

            var single = FashionRows.Test.Take(Rows).Select(r => engine.Predict(r)).ToList();

            Assert.Equal(batch.Select(p => p.PredictedName), single.Select(p => p.PredictedName));
            AssertClose(batch.Select(p => p.Score).ToArray(), single.Select(p => p.Score).ToArray(), EngineTolerance);
        }
        finally
        {
            DisposeNetworks(loaded);
        }
    }

    [Fact]
    public void LoadWithNetworks_Regression_PredictionEngineEqualsTransformOnEveryRow()
    {
        var loaded = SaveAndLoad(pipelines.Regression);
        try
        {
            var batch = Context.Data.CreateEnumerable<RegressionPrediction>(loaded.Transform(Test), reuseRowObject: false).ToList();
            var engine = Context.Model.CreatePredictionEngine<FashionRow, RegressionPrediction>(loaded);

            var single = FashionRows.Test.Take(Rows).Select(r => engine.Predict(r)).ToList();

            AssertClose(batch.Select(p => new[] { p.Score }).ToArray(), single.Select(p => new[] { p.Score }).ToArray(), EngineTolerance);
        }
        finally
        {
            DisposeNetworks(loaded);
        }
    }

    [Fact]
    public void LoadWithNetworks_Binary_PredictionEngineEqualsTransformOnEveryRow()
    {
        var loaded = SaveAndLoad(pipelines.Binary);
        try
        {
            var batch = Context.Data.CreateEnumerable<BinaryPrediction>(loaded.Transform(Test), reuseRowObject: false).ToList();
            var engine = Context.Model.CreatePredictionEngine<FashionRow, BinaryPrediction>(loaded);

            var single = FashionRows.Test.Take(Rows).Select(r => engine.Predict(r)).ToList();

            Assert.Equal(batch.Select(p => p.PredictedLabel), single.Select(p => p.PredictedLabel));
            AssertClose(batch.Select(p => new[] { p.Probability }).ToArray(), single.Select(p => new[] { p.Probability }).ToArray(), EngineTolerance);
        }
        finally
        {
            DisposeNetworks(loaded);
        }
    }

    [Fact]
    public void SaveWithNetworksThenLoad_NestedChainsWithTwoNetworks_SameScoresStructureAndScopes()
    {
        var multiclassOutput = pipelines.Multiclass.Transform(pipelines.Test);
        var copy = Context.Transforms.CopyColumns("ClassScore", "Score").Fit(multiclassOutput);
        // Not disposed: a chain disposes its transformers, and these are the fixture's.
        var model = new TransformerChain<ITransformer>(
            [pipelines.Multiclass, copy, pipelines.Binary],
            [TransformerScope.Everything, TransformerScope.Everything, TransformerScope.Scoring]);

        var loaded = SaveAndLoad(model);
        try
        {
            var chain = Assert.IsType<TransformerChain<ITransformer>>(loaded);
            Assert.Equal(3, chain.Count());
            var inner = Assert.IsType<TransformerChain<ITransformer>>(chain.First());
            Assert.Equal(["ColumnConcatenatingTransformer", "ValueToKeyMappingTransformer", "RegularizedNeuralNetworkTransformer", "KeyToValueMappingTransformer"], inner.Select(t => t.GetType().Name));
            Assert.IsType<RegularizedNeuralNetworkTransformer>(Assert.IsType<TransformerChain<ITransformer>>(chain.Last()).Last());
            Assert.Equal(chain.Take(2), chain.GetModelFor(TransformerScope.Training));
            Assert.Equal(chain, chain.GetModelFor(TransformerScope.Scoring));
            var before = model.Transform(Test);
            var after = loaded.Transform(Test);
            AssertClose(Floats(before, "ClassScore"), Floats(after, "ClassScore"), 1e-6f);
            AssertClose(Floats(before, "Probability"), Floats(after, "Probability"), 1e-6f);
            Assert.Equal(Strings(before, "PredictedName"), Strings(after, "PredictedName"));
            Assert.Equal(Strings(before, "PredictedLabel"), Strings(after, "PredictedLabel"));
        }
        finally
        {
            DisposeNetworks(loaded);
        }
    }

    [Fact]
    public void SaveWithNetworksThenLoad_ChainWithoutNetwork_SameScores()
    {
        var train = Context.Data.LoadFromEnumerable(FashionRows.Train.Take(500));
        using var model = Context.Transforms.Concatenate("Features", "Pixels")
            .Append(Context.Transforms.NormalizeMinMax("Features"))
            .Append(Context.Regression.Trainers.Sdca("Brightness", maximumNumberOfIterations: 3))
            .Fit(train);

        var loaded = SaveAndLoad(model);

        var before = Floats(model.Transform(Test), "Score");
        AssertClose(before, Floats(loaded.Transform(Test), "Score"), 1e-6f);
        Assert.InRange(before.Select(r => r[0]).Distinct().Count(), Rows / 2, Rows);
        Assert.Equal(3, Assert.IsType<TransformerChain<ITransformer>>(loaded).Count());
    }

    [Fact]
    public void ModelSave_ChainWithNetwork_ThrowsNamingSaveWithNetworks()
    {
        using var stream = new MemoryStream();

        var e = Assert.Throws<NotSupportedException>(() => Context.Model.Save(pipelines.Regression, pipelines.Test.Schema, stream));

        Assert.Equal(
            "ML.NET's model format cannot hold a RegularizedNeuralNetworkTransformer: save the pipeline with mlContext.Model.SaveWithNetworks(model, inputSchema, path) and load it with mlContext.Model.LoadWithNetworks(path, out inputSchema).",
            e.Message);
    }

    [Fact]
    public void SaveWithNetworks_PartMLNetCannotSave_LeavesExistingFileUntouchedAndNoTemporaryFile()
    {
        var path = PathOf("model.zip");
        Context.Model.SaveWithNetworks(pipelines.Regression, pipelines.Test.Schema, path);
        var saved = File.ReadAllBytes(path);
        var custom = Context.Transforms.CustomMapping<RegressionPrediction, RegressionPrediction>((i, o) => o.Score = i.Score * 2, contractName: null)
            .Fit(pipelines.Regression.Transform(pipelines.Test));
        var unsavable = new TransformerChain<ITransformer>(pipelines.Regression, custom);

        Assert.ThrowsAny<InvalidOperationException>(() => Context.Model.SaveWithNetworks(unsavable, pipelines.Test.Schema, path));

        Assert.Equal(saved, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void LoadWithNetworks_TruncatedFile_ThrowsInvalidData()
    {
        var path = SavedRegression();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => Context.Model.LoadWithNetworks(path, out _));

        Assert.Equal($"{path} is truncated or corrupt: its SHA-256 checksum does not match its contents.", e.Message);
    }

    [Fact]
    public void LoadWithNetworks_OneByteChangedInTheNetworksWeights_ThrowsInvalidData()
    {
        var path = SavedRegression();
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length - 100] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => Context.Model.LoadWithNetworks(path, out _));

        Assert.Equal($"{path} is truncated or corrupt: its SHA-256 checksum does not match its contents.", e.Message);
    }

    [Fact]
    public void LoadWithNetworks_NewerFormatVersion_ThrowsInvalidDataAskingToUpgrade()
    {
        var path = SavedRegression();
        var bytes = File.ReadAllBytes(path);
        // After the magic (one length byte and 24 characters) comes the format version, an int32.
        BitConverter.GetBytes(2).CopyTo(bytes, 25);
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => Context.Model.LoadWithNetworks(path, out _));

        Assert.Equal($"{path} was written by a newer version (pipeline file format 2); this version reads format 1 or lower: upgrade Regularizers.ML.", e.Message);
    }

    [Fact]
    public void LoadWithNetworks_MLNetsOwnModelFile_ThrowsInvalidDataPointingToModelLoad()
    {
        var path = PathOf("mlnet.zip");
        var features = Context.Transforms.Concatenate("Features", "Pixels").Fit(pipelines.Test);
        Context.Model.Save(features, pipelines.Test.Schema, path);

        var e = Assert.Throws<InvalidDataException>(() => Context.Model.LoadWithNetworks(path, out _));

        Assert.Equal(
            $"{path} is not a pipeline saved by SaveWithNetworks (it does not start with \"Regularizers.ML.Pipeline\"). It looks like ML.NET's own model file: load it with mlContext.Model.Load.",
            e.Message);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3 })]
    public void LoadWithNetworks_ForeignFile_ThrowsInvalidData(byte[] bytes)
    {
        var path = PathOf("foreign.bin");
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => Context.Model.LoadWithNetworks(path, out _));

        Assert.Equal($"{path} is not a pipeline saved by SaveWithNetworks (it does not start with \"Regularizers.ML.Pipeline\").", e.Message);
    }

    [Fact]
    public void LoadWithNetworks_SavedNetworkAlone_LoadsTheNetworkWithoutSchema()
    {
        var network = ((IEnumerable<ITransformer>)pipelines.Regression).OfType<RegularizedNeuralNetworkTransformer>().Single();
        var path = PathOf("network.zip");
        Context.Model.SaveWithNetworks(network, inputSchema: null, path);

        using var loaded = Assert.IsType<RegularizedNeuralNetworkTransformer>(Context.Model.LoadWithNetworks(path, out var schema));

        Assert.Null(schema);
        Assert.Equal(network.History!.Epochs, loaded.History!.Epochs);
        Assert.All(loaded.History.Epochs, e => Assert.True(double.IsNaN(e.TrainAccuracy)));
        Assert.All(loaded.History.Epochs, e => Assert.Null(e.ValidationLoss));
        var features = Context.Transforms.Concatenate("Features", "Pixels").Fit(Test).Transform(Test);
        AssertClose(Floats(network.Transform(features), "Score"), Floats(loaded.Transform(features), "Score"), 1e-6f);
    }

    private ITransformer Pipeline(PredictionKind kind) => kind switch
    {
        PredictionKind.MulticlassClassification => pipelines.Multiclass,
        PredictionKind.Regression => pipelines.Regression,
        _ => pipelines.Binary,
    };

    private ITransformer SaveAndLoad(ITransformer model)
    {
        var path = PathOf($"{Guid.NewGuid():N}.zip");
        Context.Model.SaveWithNetworks(model, pipelines.Test.Schema, path);
        return Context.Model.LoadWithNetworks(path, out _);
    }

    private string SavedRegression()
    {
        var path = PathOf("regression.zip");
        Context.Model.SaveWithNetworks(pipelines.Regression, pipelines.Test.Schema, path);
        return path;
    }

    private static void DisposeNetworks(ITransformer model)
    {
        if (model is IDisposable network and RegularizedNeuralNetworkTransformer)
        {
            network.Dispose();
        }
        foreach (var child in model as IEnumerable<ITransformer> ?? [])
        {
            DisposeNetworks(child);
        }
    }

    /// <summary>Each row's values of a Single or vector-of-Single column.</summary>
    private static float[][] Floats(IDataView data, string name)
    {
        var column = data.Schema[name];
        using var cursor = data.GetRowCursor([column]);
        var rows = new List<float[]>();
        if (column.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var value = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add(value.DenseValues().ToArray());
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(column);
            var value = 0f;
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add([value]);
            }
        }
        return [.. rows];
    }

    /// <summary>Each row's value of any scalar column, as text.</summary>
    private static string[] Strings(IDataView data, string name)
    {
        var column = data.Schema[name];
        using var cursor = data.GetRowCursor([column]);
        var method = typeof(SaveWithNetworksTests).GetMethod(nameof(Read), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return (string[])method.MakeGenericMethod(column.Type.RawType).Invoke(null, [cursor, column])!;
    }

    private static string[] Read<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        var rows = new List<string>();
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value!.ToString()!);
        }
        return [.. rows];
    }

    private static void AssertClose(float[][] expected, float[][] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, (a, b) => Math.Abs(a - b) <= tolerance));
    }
}
