using System.Runtime.InteropServices;

namespace Regularizers.Torch.Tests.Stack;

/// <summary>A libtorch error reaches .NET as an ExternalException carrying libtorch's message, and the process computes on.</summary>
/// <remarks>
/// Not through <c>Tensor.matmul</c>: TorchSharp 0.107's native THSTensor_matmul has no try/catch, so a shape error there
/// terminates the process (uncaught c10::Error) instead of throwing. <c>linear</c>, the library's path, and <c>mm</c> catch it.
/// </remarks>
public sealed class NativeErrorTests
{
    /// <summary>libtorch's message is its check text, then a backtrace whose frames vary by build.</summary>
    private static string FirstLine(Exception e) => e.Message.Split('\n')[0];

    [Fact]
    public void Linear_InputWidthUnlikeWeight_ThrowsExternalExceptionWithLibTorchMessage()
    {
        using var input = ones(2, 3);
        using var weight = ones(4, 2);

        var e = Assert.Throws<ExternalException>(() => nn.functional.linear(input, weight));

        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x4)", FirstLine(e));
    }

    [Fact]
    public void Mm_IncompatibleShapes_ThrowsExternalExceptionWithLibTorchMessage()
    {
        using var a = ones(2, 3);
        using var b = ones(2, 3);

        var e = Assert.Throws<ExternalException>(() => a.mm(b));

        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", FirstLine(e));
    }

    [Fact]
    public void CrossEntropy_TargetOutOfRange_ThrowsExternalExceptionWithLibTorchMessage()
    {
        using var logits = zeros(2, 3);
        using var target = tensor(new long[] { 0, 7 });

        var e = Assert.Throws<ExternalException>(() => nn.functional.cross_entropy(logits, target));

        Assert.Equal("Target 7 is out of bounds.", FirstLine(e));
    }

    [Fact]
    public void Mm_AfterFailedCalls_ComputesTheProduct()
    {
        using var a = ones(2, 3);
        using var b = ones(2, 3);
        using var logits = zeros(2, 3);
        using var target = tensor(new long[] { 0, 7 });
        Assert.Throws<ExternalException>(() => a.mm(b));
        Assert.Throws<ExternalException>(() => nn.functional.cross_entropy(logits, target));

        using var bt = b.t();
        using var c = a.mm(bt);

        Assert.Equal(new float[] { 3, 3, 3, 3 }, c.data<float>().ToArray());
    }
}
