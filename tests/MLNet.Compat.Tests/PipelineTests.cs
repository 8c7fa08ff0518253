using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MLNet.Compat.Tests;

public class PipelineTests
{
    public sealed class Flower
    {
        [LoadColumn(0)]
        public float Length { get; set; }

        public float Width { get; set; }

        public string Species { get; set; } = "";
    }

    public sealed class Image
    {
        [VectorType(3)]
        [ColumnName("Features")]
        public float[] Pixels { get; set; } = [];

        [KeyType(4)]
        public uint Label { get; set; }
    }

    public sealed class Concatenated
    {
        public float[] Features { get; set; } = [];

        public uint SpeciesKey { get; set; }

        public string SpeciesBack { get; set; } = "";
    }

    private static readonly Flower[] Flowers =
    [
        new() { Length = 1, Width = 2, Species = "setosa" },
        new() { Length = 3, Width = 4, Species = "virginica" },
        new() { Length = 5, Width = 6, Species = "setosa" },
        new() { Length = 7, Width = 8, Species = "versicolor" },
    ];

    [Fact]
    public void LoadFromEnumerable_Attributes_GiveVectorAndKeyColumns()
    {
        var data = new MLContext(0).Data.LoadFromEnumerable(new[] { new Image { Pixels = [1, 2, 3], Label = 2 } });

        var features = data.Schema["Features"];
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), features.Type);
        Assert.Equal(new KeyDataViewType(typeof(uint), 4), data.Schema["Label"].Type);
        Assert.Equal(1L, data.GetRowCount());
    }

    [Fact]
    public void LoadFromEnumerable_WrongVectorLength_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new MLContext(0).Data.LoadFromEnumerable(new[] { new Image { Pixels = [1, 2], Label = 1 } }));

        Assert.Equal("Column 'Features' is declared with 3 values but a row has 2.", e.Message);
    }

    [Fact]
    public void Pipeline_ConcatenateThenKeysAndBack_RoundTripsValues()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(Flowers);
        var pipeline = ml.Transforms.Concatenate("Features", "Length", "Width")
            .Append(ml.Transforms.Conversion.MapValueToKey("SpeciesKey", "Species"))
            .Append(ml.Transforms.Conversion.MapKeyToValue("SpeciesBack", "SpeciesKey"));

        var rows = ml.Data.CreateEnumerable<Concatenated>(pipeline.Fit(data).Transform(data), reuseRowObject: false).ToList();

        Assert.Equal([1f, 2f], rows[0].Features);
        Assert.Equal([7f, 8f], rows[3].Features);
        // Keys are 1-based in order of first occurrence: setosa 1, virginica 2, versicolor 3.
        Assert.Equal([1u, 2u, 1u, 3u], rows.Select(r => r.SpeciesKey));
        Assert.Equal(Flowers.Select(f => f.Species), rows.Select(r => r.SpeciesBack));
    }

    [Fact]
    public void MapValueToKey_UnseenValue_MapsToMissingKeyZero()
    {
        var ml = new MLContext(0);
        var transformer = ml.Transforms.Conversion.MapValueToKey("SpeciesKey", "Species").Fit(ml.Data.LoadFromEnumerable(Flowers));

        var output = transformer.Transform(ml.Data.LoadFromEnumerable(new[] { new Flower { Species = "lotus" } }));
        var keys = output.GetColumnValues<uint>("SpeciesKey");

        Assert.Equal([0u], keys);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        output.Schema["SpeciesKey"].Annotations.GetValue("KeyValues", ref names);
        Assert.Equal(["setosa", "virginica", "versicolor"], names.DenseValues().Select(n => n.ToString()));
    }

    [Fact]
    public void MapValueToKey_ByValue_SortsKeys()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(Flowers);

        var output = ml.Transforms.Conversion.MapValueToKey("SpeciesKey", "Species", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data).Transform(data);

        Assert.Equal([1u, 3u, 1u, 2u], output.GetColumnValues<uint>("SpeciesKey"));
    }

    [Fact]
    public void EstimatorChainFit_MissingColumn_FailsBeforeAnyTraining()
    {
        var ml = new MLContext(0);
        var fitted = 0;
        var pipeline = ml.Transforms.Conversion.MapValueToKey("SpeciesKey", "Species")
            .Append(new CountingEstimator(() => fitted++))
            .Append(ml.Transforms.Concatenate("Features", "Length", "Height"));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.Fit(ml.Data.LoadFromEnumerable(Flowers)));

        Assert.Contains("Concatenate: input column 'Height' not found.", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, fitted);
    }

    [Fact]
    public void TrainTestSplit_SameSeed_SameSplitOfAllRows()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 1000).Select(i => new Flower { Length = i }));

        var a = ml.Data.TrainTestSplit(data, 0.2, seed: 5);
        var b = ml.Data.TrainTestSplit(data, 0.2, seed: 5);

        var test = a.TestSet.GetColumnValues<float>("Length");
        Assert.Equal(test, b.TestSet.GetColumnValues<float>("Length"));
        Assert.Equal(1000, a.TrainSet.GetRowCount() + a.TestSet.GetRowCount());
        Assert.InRange(test.Length, 160, 240);
        Assert.Empty(test.Intersect(a.TrainSet.GetColumnValues<float>("Length")));
    }

    [Fact]
    public void CreateEnumerable_MissingColumn_ThrowsUnlessIgnored()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(Flowers);

        Assert.Throws<ArgumentOutOfRangeException>(() => ml.Data.CreateEnumerable<Concatenated>(data, reuseRowObject: false).ToList());
        Assert.Equal(4, ml.Data.CreateEnumerable<Concatenated>(data, reuseRowObject: false, ignoreMissingColumns: true).Count());
    }

    private sealed class CountingEstimator(Action onFit) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            onFit();
            return new ColumnConcatenatingEstimator("Copy", ["Length"]).Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
    }
}

internal static class DataViewTestExtensions
{
    public static T[] GetColumnValues<T>(this IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        var values = new List<T>();
        while (cursor.MoveNext())
        {
            T value = default!;
            getter(ref value);
            values.Add(value);
        }
        return [.. values];
    }
}
