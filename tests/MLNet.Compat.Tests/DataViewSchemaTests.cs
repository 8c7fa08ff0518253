using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.Compat.Tests;

public class DataViewSchemaTests
{
    private static DataViewSchema.Annotations KeyValues(params string[] names)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter = (ref VBuffer<ReadOnlyMemory<char>> value) =>
            value = new VBuffer<ReadOnlyMemory<char>>(names.Length, names.Select(n => n.AsMemory()).ToArray());
        builder.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, names.Length), getter);
        return builder.ToAnnotations();
    }

    [Fact]
    public void Schema_RepeatedName_LaterColumnHidesEarlier()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", NumberDataViewType.Single);
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 4));
        builder.AddColumn("Label", new KeyDataViewType(typeof(uint), 3));

        var schema = builder.ToSchema();

        Assert.Equal(3, schema.Count);
        Assert.True(schema[0].IsHidden);
        Assert.False(schema[2].IsHidden);
        Assert.Equal(2, schema["Label"].Index);
        Assert.IsType<KeyDataViewType>(schema["Label"].Type);
        Assert.Null(schema.GetColumnOrNull("Score"));
    }

    [Fact]
    public void Schema_MissingName_NamesTheVisibleColumns()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", NumberDataViewType.Single);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => builder.ToSchema()["Label"]);

        Assert.StartsWith("Column 'Label' not found. Columns: Features.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_KeyValues_RoundTrip()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", new KeyDataViewType(typeof(uint), 3), KeyValues("cat", "dog", "bird"));
        var column = builder.ToSchema()["Label"];

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.Annotations.GetValue("KeyValues", ref names);

        Assert.Equal(["cat", "dog", "bird"], names.DenseValues().Select(m => m.ToString()));
        Assert.Equal("KeyValues", column.Annotations.Schema[0].Name);
    }

    [Fact]
    public void Annotations_WrongType_Throws()
    {
        var annotations = KeyValues("a", "b");
        var wrong = 0f;

        var e = Assert.Throws<InvalidOperationException>(() => annotations.GetValue("KeyValues", ref wrong));

        Assert.Contains("not System.Single", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_MissingKind_Throws()
    {
        var value = 0f;

        Assert.Throws<InvalidOperationException>(() => DataViewSchema.Annotations.Empty.GetValue("SlotNames", ref value));
    }

    [Fact]
    public void AnnotationsBuilder_Selector_CopiesOnlySelectedKinds()
    {
        var source = new DataViewSchema.Annotations.Builder();
        source.AddPrimitiveValue("IsNormalized", BooleanDataViewType.Instance, true);
        source.AddPrimitiveValue("Scale", NumberDataViewType.Single, 2f);
        var builder = new DataViewSchema.Annotations.Builder();

        builder.Add(source.ToAnnotations(), kind => kind == "Scale");
        var annotations = builder.ToAnnotations();
        var scale = 0f;
        annotations.GetValue("Scale", ref scale);

        Assert.Equal(2f, scale);
        Assert.Single(annotations.Schema);
    }

    [Fact]
    public void AnnotationsBuilder_GetterOfWrongType_IsRejected()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        ValueGetter<double> getter = (ref double v) => v = 1;

        Assert.Throws<ArgumentException>(() => builder.Add("Scale", NumberDataViewType.Single, getter));
    }
}
