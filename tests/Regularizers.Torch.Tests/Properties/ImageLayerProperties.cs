using CsCheck;
using Regularizers.Torch.Augmentation;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of the layers that act on image batches [N, C, H, W] (N 1–4, C 1–3, H and W 4–9, float32 and float64)
/// — structured dropout and augmentation — with strengths across their range: eval mode is the identity, training
/// keeps shape and dtype, gives finite gradients, and a forward and backward pass leaves no tensor alive.
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class ImageLayerProperties
{
    /// <summary>A layer factory taking a strength in [0, 0.9].</summary>
    public sealed record ImageLayer(string Name, Func<double, nn.Module<Tensor, Tensor>> Build)
    {
        public override string ToString() => Name;
    }

    private static readonly Gen<ImageLayer> Layers = Gen.OneOf(
        Gen.Const(new ImageLayer("DropPath", s => new DropPath(s))),
        Gen.Const(new ImageLayer("DropPath(classic)", s => new DropPath(s, DropoutScaling.Classic))),
        Gen.Const(new ImageLayer("DropBlock2d(3)", s => new DropBlock2d(s, 3))),
        Gen.Const(new ImageLayer("SpatialDropout2d", s => new SpatialDropout2d(s))),
        Gen.Const(new ImageLayer("RandomHorizontalFlip", s => new RandomHorizontalFlip(s))),
        Gen.Const(new ImageLayer("RandomErasing", s => new RandomErasing(s))),
        Gen.Const(new ImageLayer("RandomAffine", s => new RandomAffine(new RandomAffineOptions
        {
            Degrees = (-45 * s, 45 * s), Translate = (s / 3, s / 3), Scale = (1 - (s / 3), 1 + (s / 3)), ShearX = (-10 * s, 10 * s),
        }))));

    private static readonly Gen<TensorCase> Images =
        from shape in Gen.Select(Gen.Long[1, 4], Gen.Long[1, 3], Gen.Long[4, 9], Gen.Long[4, 9])
        from dtype in TensorCase.Dtypes
        from values in Gen.Double[0, 1].Array[(int)(shape.Item1 * shape.Item2 * shape.Item3 * shape.Item4)]
        select new TensorCase([shape.Item1, shape.Item2, shape.Item3, shape.Item4], dtype, values);

    [Fact]
    public void Eval_AnyImageBatch_IdentityOrTheClassicRule()
    {
        Property.CheckModules(Gen.Select(Layers, Gen.Double[0, 0.9], Images), (layer, strength, images) =>
        {
            using var module = layer.Build(strength);
            module.eval();
            using var x = images.Create();

            Property.NoTensorLeft($"{layer} in eval mode", () =>
            {
                using var y = module.call(x);

                var factor = layer.Name == "DropPath(classic)" ? 1 - strength : 1;
                using var expected = x * factor;
                Assert.True(expected.allclose(y, rtol: images.Tolerance, atol: 0), $"{layer}(p={strength}) in eval mode is not x·{factor}");
            });
        }, iterations: 150);
    }

    [Fact]
    public void Training_AnyImageBatch_ShapeDtypeAndFiniteGradients()
    {
        Property.CheckModules(Gen.Select(Layers, Gen.Double[0, 0.9], Images), (layer, strength, images) =>
        {
            using var module = layer.Build(strength);
            module.train();
            using var x = images.Create();
            x.requires_grad = true;

            Property.NoTensorLeft($"{layer} in training mode", () =>
            {
                using var y = module.call(x);
                using var squares = y.square();
                using var loss = squares.sum();
                loss.backward();

                Assert.Equal(images.Shape, y.shape);
                Assert.Equal(images.Dtype, y.dtype);
                Assert.True(TensorCase.AllFinite(y), $"{layer}: non-finite output");
                using var grad = x.grad!;
                Assert.True(TensorCase.AllFinite(grad), $"{layer}: non-finite input gradient");
            });
        }, iterations: 150);
    }
}
