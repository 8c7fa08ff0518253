using System.Runtime.InteropServices;

namespace TorchSharp.Compat.Tests;

public sealed class NativeErrorTests
{
    [Fact]
    public void MatMul_IncompatibleShapes_ThrowsExternalExceptionWithLibTorchMessage()
    {
        using var a = ones(2, 3);
        using var b = ones(2, 3);

        var e = Assert.Throws<ExternalException>(() => a.matmul(b));

        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", e.Message);
    }

    [Fact]
    public void MatMul_AfterAFailedCall_ProcessGoesOnAndComputes()
    {
        using var a = ones(2, 3);
        using var b = ones(2, 3);
        Assert.Throws<ExternalException>(() => a.matmul(b));

        using var bt = b.t();
        using var c = a.matmul(bt);

        Assert.Equal(new float[] { 3, 3, 3, 3 }, c.data<float>().ToArray());
    }

    [Fact]
    public void CrossEntropy_TargetOutOfRange_ThrowsExternalException()
    {
        using var logits = zeros(2, 3);
        using var target = tensor(new long[] { 0, 7 });

        var e = Assert.Throws<ExternalException>(() => torch.nn.functional.cross_entropy(logits, target));

        Assert.Contains("out of bounds", e.Message);
    }
}
