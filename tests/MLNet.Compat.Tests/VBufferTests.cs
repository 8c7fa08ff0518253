using Microsoft.ML.Data;

namespace MLNet.Compat.Tests;

public class VBufferTests
{
    private static VBuffer<float> Sparse() => new(6, 2, [1.5f, -2f], [1, 4]);

    [Fact]
    public void Sparse_DenseValues_FillsDefaults()
    {
        var v = Sparse();

        Assert.False(v.IsDense);
        Assert.Equal([0f, 1.5f, 0f, 0f, -2f, 0f], v.DenseValues());
        Assert.Equal([1.5f, -2f], v.GetValues().ToArray());
        Assert.Equal([1, 4], v.GetIndices().ToArray());
        Assert.Equal(-2f, v.GetItemOrDefault(4));
        Assert.Equal(0f, v.GetItemOrDefault(5));
    }

    [Fact]
    public void Dense_HasNoIndices()
    {
        var v = new VBuffer<float>(3, [1f, 2f, 3f]);

        Assert.True(v.IsDense);
        Assert.Equal(0, v.GetIndices().Length);
        Assert.Equal(2f, v.GetItemOrDefault(1));
    }

    [Fact]
    public void Items_SparseOrAll_ListsPairs()
    {
        var v = Sparse();

        Assert.Equal([new KeyValuePair<int, float>(1, 1.5f), new KeyValuePair<int, float>(4, -2f)], v.Items());
        Assert.Equal(6, v.Items(all: true).Count());
    }

    [Fact]
    public void CopyToDense_SparseSource_GivesEveryValue()
    {
        var destination = default(VBuffer<float>);

        Sparse().CopyToDense(ref destination);

        Assert.True(destination.IsDense);
        Assert.Equal([0f, 1.5f, 0f, 0f, -2f, 0f], destination.GetValues().ToArray());
    }

    [Fact]
    public void CopyTo_LargeEnoughDestination_ReusesItsArray()
    {
        var array = new float[10];
        var destination = new VBuffer<float>(10, array);

        new VBuffer<float>(3, [7f, 8f, 9f]).CopyTo(ref destination);

        Assert.Equal(3, destination.Length);
        Assert.Equal([7f, 8f, 9f], destination.GetValues().ToArray());
        Assert.Equal(7f, array[0]);
    }

    [Fact]
    public void Editor_SmallDestination_CreatesNewValues()
    {
        var destination = new VBuffer<double>(2, [1.0, 2.0]);

        var editor = VBufferEditor.Create(ref destination, 4);
        editor.Values.Fill(3.0);
        var created = editor.CreatedNewValues;
        destination = editor.Commit();

        Assert.True(created);
        Assert.Equal([3.0, 3.0, 3.0, 3.0], destination.DenseValues());
    }

    [Fact]
    public void CopyToSpan_TooShort_Throws() =>
        Assert.Throws<ArgumentException>(() => Sparse().CopyTo(new float[5].AsSpan()));
}
