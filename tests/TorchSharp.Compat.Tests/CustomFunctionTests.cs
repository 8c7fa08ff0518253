using System.Runtime.InteropServices;
using static TorchSharp.torch.autograd;

namespace TorchSharp.Compat.Tests;

public sealed class CustomFunctionTests
{
    /// <summary>y = scale·x³ with a hand-written backward <c>3·scale·x²·g</c>; the scale is a non-tensor argument.</summary>
    private sealed class ScaledCube : SingleTensorFunction<ScaledCube>
    {
        public override string Name => "ScaledCubeBackward";

        public override Tensor forward(AutogradContext ctx, params object[] vars)
        {
            var x = (Tensor)vars[0];
            var scale = (double)vars[1];
            ctx.save_for_backward([x]);
            ctx.save_data("scale", scale);
            return x.pow(3).mul(scale);
        }

        public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
        {
            var x = ctx.get_saved_variables()[0];
            var scale = (double)ctx.get_data("scale");
            return [x.square().mul(3 * scale).mul(grad_output), null!];
        }
    }

    /// <summary>A backward that returns a gradient for the non-tensor argument.</summary>
    private sealed class GradientForNonTensor : SingleTensorFunction<GradientForNonTensor>
    {
        public override string Name => "GradientForNonTensorBackward";

        public override Tensor forward(AutogradContext ctx, params object[] vars) => ((Tensor)vars[0]).mul(2);

        public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output) => [grad_output.mul(2), grad_output];
    }

    /// <summary>A backward that returns one gradient for two arguments.</summary>
    private sealed class TooFewGradients : SingleTensorFunction<TooFewGradients>
    {
        public override string Name => "TooFewGradientsBackward";

        public override Tensor forward(AutogradContext ctx, params object[] vars) => ((Tensor)vars[0]).mul((Tensor)vars[1]);

        public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output) => [grad_output];
    }

    /// <summary>A backward that fails.</summary>
    private sealed class Failing : SingleTensorFunction<Failing>
    {
        public override string Name => "FailingBackward";

        public override Tensor forward(AutogradContext ctx, params object[] vars) => ((Tensor)vars[0]).mul(2);

        public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output) => throw new InvalidDataException("backward failed on purpose");
    }

    private static float[] Values(Tensor t) => t.data<float>().ToArray();

    [Fact]
    public void Apply_Backward_GivesTheHandWrittenGradientAndTheForwardValue()
    {
        using var x = tensor(new float[] { -1.5f, 0.5f, 2f }, requires_grad: true);

        using var y = ScaledCube.apply(x, 2.0);
        using var sum = y.sum();
        sum.backward();

        Assert.Equal(new float[] { -6.75f, 0.25f, 16f }, Values(y));
        using var grad = x.grad!;
        Assert.Equal(new float[] { 13.5f, 1.5f, 24f }, Values(grad));
        Assert.True(y.requires_grad);
    }

    [Fact]
    public void Apply_GradOutputNotOne_ScalesTheGradient()
    {
        using var x = tensor(new float[] { 1f, 2f }, requires_grad: true);
        using var y = ScaledCube.apply(x, 1.0);
        using var weights = tensor(new float[] { 10f, -1f });

        using var weighted = (y * weights).sum();
        weighted.backward();

        using var grad = x.grad!;
        Assert.Equal(new float[] { 30f, -12f }, Values(grad));
    }

    [Fact]
    public void Apply_UnderNoGrad_OutputDoesNotRequireGrad()
    {
        using var x = tensor(new float[] { 1f, 2f }, requires_grad: true);

        using var noGrad = no_grad();
        using var y = ScaledCube.apply(x, 1.0);

        Assert.False(y.requires_grad);
        Assert.Equal(new float[] { 1f, 8f }, Values(y));
    }

    [Fact]
    public void Backward_CreateGraph_SecondDerivativeThroughTheHandWrittenBackward()
    {
        using var x = tensor(new float[] { -1f, 3f }, requires_grad: true);
        using var y = ScaledCube.apply(x, 1.0);
        using var sum = y.sum();
        sum.backward(create_graph: true);
        using var firstDerivative = x.grad!;
        x.grad = null;

        using var firstSum = firstDerivative.sum();
        firstSum.backward();

        Assert.Equal(new float[] { 3f, 27f }, Values(firstDerivative.detach()));
        using var second = x.grad!;
        Assert.Equal(new float[] { -6f, 18f }, Values(second));
    }

    [Fact]
    public void Backward_RetainGraph_SecondBackwardAccumulates()
    {
        using var x = tensor(new float[] { 2f }, requires_grad: true);
        using var y = ScaledCube.apply(x, 1.0);

        y.backward(retain_graph: true);
        y.backward();

        using var grad = x.grad!;
        Assert.Equal(new float[] { 24f }, Values(grad));
    }

    [Fact]
    public void Backward_Twice_ThrowsLibTorchsSecondBackwardMessage()
    {
        using var x = tensor(new float[] { 2f }, requires_grad: true);
        using var y = ScaledCube.apply(x, 1.0);
        y.backward();

        var e = Assert.Throws<ExternalException>(() => y.backward());

        Assert.StartsWith("Trying to backward through the graph a second time", e.Message);
    }

    [Fact]
    public void Backward_SavedInputModifiedInPlace_ThrowsLibTorchsVersionMessage()
    {
        using var leaf = tensor(new float[] { 1f, 2f }, requires_grad: true);
        using var x = leaf.mul(1);
        using var y = ScaledCube.apply(x, 1.0);
        using (no_grad())
        {
            x.add_(1);
        }

        var e = Assert.Throws<ExternalException>(() => y.sum().backward());

        Assert.Contains("has been modified by an inplace operation", e.Message);
    }

    [Fact]
    public void Backward_GradientForANonTensorArgument_ThrowsNamingThePosition()
    {
        using var x = tensor(new float[] { 1f }, requires_grad: true);
        using var y = GradientForNonTensor.apply(x, "not a tensor");

        var e = Assert.Throws<InvalidOperationException>(() => y.backward());

        Assert.Equal("GradientForNonTensorBackward.backward returned a gradient at position 1, but argument 1 of forward is not a tensor; return null there.", e.Message);
    }

    [Fact]
    public void Backward_TooFewGradients_ThrowsWithBothCounts()
    {
        using var a = tensor(new float[] { 1f }, requires_grad: true);
        using var b = tensor(new float[] { 2f }, requires_grad: true);
        using var y = TooFewGradients.apply(a, b);

        var e = Assert.Throws<InvalidOperationException>(() => y.backward());

        Assert.Equal("TooFewGradientsBackward.backward returned 1 gradients; it must return one per argument of forward (2).", e.Message);
    }

    [Fact]
    public void Backward_ManagedBackwardThrows_SameExceptionReachesTheCallerAndTheProcessGoesOn()
    {
        using var x = tensor(new float[] { 1f }, requires_grad: true);
        using var y = Failing.apply(x);

        var e = Assert.Throws<InvalidDataException>(() => y.backward());
        using var z = ScaledCube.apply(x, 1.0);
        z.backward();

        Assert.Equal("backward failed on purpose", e.Message);
        using var grad = x.grad!;
        Assert.Equal(new float[] { 3f }, Values(grad));
    }

    [Fact]
    public void SaveData_Tensor_ThrowsPointingToSaveForBackward()
    {
        using var ctx = new AutogradContext();
        using var t = ones(1);

        var e = Assert.Throws<ArgumentException>(() => ctx.save_data("t", t));

        Assert.StartsWith("save_data stores values that are not tensors; save tensors with save_for_backward.", e.Message);
    }

    [Fact]
    public void Apply_RepeatedForwardAndBackward_LeavesNoTensorsBehind()
    {
        using var x = tensor(new float[] { 1f, 2f }, requires_grad: true);
        void Step()
        {
            using var scope = NewDisposeScope();
            ScaledCube.apply(x, 1.0).sum().backward();
        }
        Step();
        var before = LiveTensors.SettledCount();

        for (var i = 0; i < 20; i++)
        {
            Step();
        }

        Assert.Equal(before, Tensor.TotalCount);
    }
}
