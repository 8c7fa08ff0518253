using CsCheck;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of every regularizing layer as a module inside a small network, over generated batches ([N, F], N 1–6
/// with batches of 1, F 1–6, float32 and float64) and strengths across their range: eval mode is deterministic, both
/// modes keep the batch shape and dtype, and in training mode the loss's gradients with respect to every parameter and
/// the input are finite. The forward and backward passes leave no tensor alive.
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class LayerProperties
{
    /// <summary>A layer factory taking the feature count and a strength in [0, 0.9].</summary>
    public sealed record LayerCase(string Name, Func<long, double, nn.Module<Tensor, Tensor>> Build)
    {
        public override string ToString() => Name;
    }

    private static readonly Gen<LayerCase> Layers = Gen.OneOf(
        Gen.Const(new LayerCase("InvertedDropout", (_, s) => new InvertedDropout(s))),
        Gen.Const(new LayerCase("ClassicDropout", (_, s) => new ClassicDropout(s))),
        Gen.Const(new LayerCase("GaussianDropout", (_, s) => new GaussianDropout(s))),
        Gen.Const(new LayerCase("GaussianNoise", (_, s) => new GaussianNoise(s * 3))),
        Gen.Const(new LayerCase("DropConnectLinear", (f, s) => new DropConnectLinear(f, f, s))),
        Gen.Const(new LayerCase("WeightNoise(Linear)", (f, s) => new WeightNoise(nn.Linear(f, f), s))));

    private static readonly Gen<TensorCase> Batches = TensorCase.Floating(minRank: 2, maxRank: 2);

    [Fact]
    public void Eval_AnyBatch_DeterministicWithTheBatchShapeAndDtype()
    {
        Property.CheckModules(Gen.Select(Layers, Gen.Double[0, 0.9], Batches), (layer, strength, batch) =>
        {
            using var module = layer.Build(batch.Shape[1], strength);
            module.to(batch.Dtype).eval();
            using var x = batch.Create();

            Property.NoTensorLeft($"{layer} in eval mode", () =>
            {
                using var first = module.call(x);
                using var second = module.call(x);

                Assert.Equal(batch.Shape, first.shape);
                Assert.Equal(batch.Dtype, first.dtype);
                Assert.True(first.allclose(second, rtol: 0, atol: 0), $"{layer}: two eval passes differ");
            });
        });
    }

    [Fact]
    public void Training_AnyBatch_FiniteGradientsForParametersAndInput()
    {
        Property.CheckModules(Gen.Select(Layers, Gen.Double[0, 0.9], Batches), (layer, strength, batch) =>
        {
            using var module = layer.Build(batch.Shape[1], strength);
            module.to(batch.Dtype).train();
            using var x = batch.Create();
            x.requires_grad = true;

            Property.NoTensorLeft($"{layer} in training mode", () => Backward(layer, module, x, batch));
        });
    }

    private static void Backward(LayerCase layer, nn.Module<Tensor, Tensor> module, Tensor x, TensorCase batch)
    {
        using var y = module.call(x);
        using var squares = y.square();
        using var loss = squares.sum();
        loss.backward();

        Assert.Equal(batch.Shape, y.shape);
        using var inputGrad = x.grad!;
        Assert.True(TensorCase.AllFinite(inputGrad), $"{layer}: non-finite input gradient");
        foreach (var parameter in module.parameters())
        {
            using var grad = parameter.grad!;
            Assert.True(TensorCase.AllFinite(grad), $"{layer}: non-finite parameter gradient");
        }
    }
}
