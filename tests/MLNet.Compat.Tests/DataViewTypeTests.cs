using Microsoft.ML.Data;

namespace MLNet.Compat.Tests;

public class DataViewTypeTests
{
    [Fact]
    public void NumberTypes_RawTypeAndName_MatchTheirDotNetType()
    {
        Assert.Equal(typeof(float), NumberDataViewType.Single.RawType);
        Assert.Equal(typeof(double), NumberDataViewType.Double.RawType);
        Assert.Equal(typeof(uint), NumberDataViewType.UInt32.RawType);
        Assert.Equal("Single", NumberDataViewType.Single.ToString());
        Assert.Equal(typeof(ReadOnlyMemory<char>), TextDataViewType.Instance.RawType);
        Assert.Equal(typeof(bool), BooleanDataViewType.Instance.RawType);
        Assert.False(NumberDataViewType.Single.Equals(NumberDataViewType.Double));
    }

    [Fact]
    public void KeyType_SameRawTypeAndCount_AreEqual()
    {
        var a = new KeyDataViewType(typeof(uint), 10);
        var b = new KeyDataViewType(typeof(uint), 10UL);

        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(new KeyDataViewType(typeof(uint), 9)));
        Assert.False(a.Equals(new KeyDataViewType(typeof(ulong), 10)));
        Assert.Equal(10UL, a.Count);
        Assert.Equal("Key<UInt32, 0-9>", a.ToString());
    }

    [Fact]
    public void KeyType_SignedRawType_IsRejected()
    {
        Assert.False(KeyDataViewType.IsValidDataType(typeof(int)));
        Assert.Throws<ArgumentException>(() => new KeyDataViewType(typeof(int), 3));
    }

    [Fact]
    public void KeyType_CountBeyondTheRawType_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(byte), 256UL));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(uint), 0));
    }

    [Fact]
    public void VectorType_Dimensions_GiveSizeAndRawType()
    {
        var image = new VectorDataViewType(NumberDataViewType.Single, 28, 28);
        var variable = new VectorDataViewType(NumberDataViewType.Single);

        Assert.Equal(784, image.Size);
        Assert.True(image.IsKnownSize);
        Assert.Equal(typeof(VBuffer<float>), image.RawType);
        Assert.Equal(0, variable.Size);
        Assert.False(variable.IsKnownSize);
        Assert.True(image.Equals(new VectorDataViewType(NumberDataViewType.Single, 28, 28)));
        Assert.False(image.Equals(new VectorDataViewType(NumberDataViewType.Single, 784)));
        Assert.False(image.Equals(new VectorDataViewType(NumberDataViewType.Double, 28, 28)));
        Assert.Equal("Vector<Single>", variable.ToString());
    }
}
