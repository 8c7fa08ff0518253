namespace TorchSharp.Compat.Tests;

public class TensorAccessorTests
{
    [Fact]
    public void CopyFromSpan_AtTensorIndex_WritesOnlyThoseElements()
    {
        using var t = zeros(2, 3);
        using var accessor = t.data<float>();

        accessor.CopyFrom((ReadOnlySpan<float>)[9f, 1f, 2f, 3f], 1, 3);

        Assert.Equal([0f, 0f, 0f, 1f, 2f, 3f], t.data<float>().ToArray());
    }

    [Fact]
    public void CopyFromSpan_LongerThanTheTensor_StopsAtTheEnd()
    {
        using var t = zeros(2);
        using var accessor = t.data<float>();

        accessor.CopyFrom((ReadOnlySpan<float>)[1f, 2f, 3f], 0, 1);

        Assert.Equal([0f, 1f], t.data<float>().ToArray());
    }
}
