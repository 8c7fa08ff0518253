using CsCheck;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of the dropout family and additive noise over generated inputs (rank 1–4, sizes 1–6, float32 and
/// float64), drop probabilities across [0, 1) and both modes. Statistical properties use 40,000 draws and a 6σ band,
/// so a correct implementation fails one case in about 10⁹.
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class DropoutProperties
{
    private const int Draws = 40_000;

    /// <summary>One of the four element-wise layers, its functional form and what each element may become.</summary>
    public sealed record Layer(string Name, Func<Tensor, double, bool, Generator?, Tensor> Forward, double EvalFactor, bool Bernoulli)
    {
        public override string ToString() => Name;
    }

    private static readonly Layer Inverted = new("inverted_dropout", RegularizerFunctional.inverted_dropout, 1, true);
    private static readonly Layer Classic = new("classic_dropout", RegularizerFunctional.classic_dropout, double.NaN, true);
    private static readonly Layer Gaussian = new("gaussian_dropout", RegularizerFunctional.gaussian_dropout, 1, false);

    private static readonly Gen<Layer> Layers = Gen.OneOf(Gen.Const(Inverted), Gen.Const(Classic), Gen.Const(Gaussian));

    private static readonly Gen<double> P = Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 0.95]);

    [Fact]
    public void Eval_AnyInput_IdentityOrTheWeightScalingRuleExactly()
    {
        Property.Check(Gen.Select(Layers, P, TensorCase.Floating()), (layer, p, input) =>
        {
            using var x = input.Create();

            using var y = layer.Forward(x, p, false, null);

            var factor = layer == Classic ? 1 - p : layer.EvalFactor;
            using var expected = x * factor;
            Assert.Equal(input.Shape, y.shape);
            Assert.Equal(input.Dtype, y.dtype);
            Assert.True(expected.allclose(y, rtol: 0, atol: 0), $"{layer}(p={p}) in eval mode is not x·{factor}");
        });
    }

    [Fact]
    public void Training_AnyInput_EachElementDroppedOrScaledAndGradientIsTheMultiplier()
    {
        Property.Check(Gen.Select(Gen.OneOf(Gen.Const(Inverted), Gen.Const(Classic)), P, TensorCase.Floating()), (layer, p, input) =>
        {
            using var x = input.Create();
            x.requires_grad = true;
            using var y = layer.Forward(x, p, true, null);
            using var sum = y.sum();
            sum.backward();

            using var grad = x.grad!;
            var kept = layer == Inverted ? 1 / (1 - p) : 1;
            var outputs = TensorCase.ToDoubles(y);
            var multipliers = TensorCase.ToDoubles(grad);
            var stored = input.Stored;
            for (var i = 0; i < stored.Length; i++)
            {
                Assert.True(multipliers[i] == 0 || Math.Abs(multipliers[i] - kept) <= input.Tolerance * kept, $"{layer}(p={p}): multiplier {multipliers[i]}, expected 0 or {kept}");
                Assert.True(Math.Abs(outputs[i] - (multipliers[i] * stored[i])) <= input.Tolerance * (1 + Math.Abs(outputs[i])), $"{layer}(p={p}): y = {outputs[i]} is not {multipliers[i]}·{stored[i]}");
            }
        });
    }

    [Fact]
    public void Training_ManyDraws_ExpectationPreservedOrMatchingTheEvalRule()
    {
        Property.Check(Gen.Select(Layers, Gen.Double[0.05, 0.9], TensorCase.Dtypes), (layer, p, dtype) =>
        {
            using var x = ones(Draws, dtype: dtype);

            using var y = layer.Forward(x, p, true, null);

            var mean = TensorCase.ToDoubles(y).Average();
            // Inverted and Gaussian multipliers have mean 1 and variance p/(1−p); classic's has mean 1−p, variance p(1−p).
            var (expected, variance) = layer == Classic ? (1 - p, p * (1 - p)) : (1.0, p / (1 - p));
            var band = 6 * Math.Sqrt(variance / Draws);
            Assert.True(Math.Abs(mean - expected) <= band, $"{layer}(p={p}): mean of {Draws} draws {mean}, expected {expected} ± {band}");
        }, iterations: 60);
    }

    [Fact]
    public void GaussianNoise_ManyDraws_MeanAndSpreadAsStated()
    {
        Property.Check(Gen.Select(Gen.Double[0.01, 5], TensorCase.Dtypes), (sigma, dtype) =>
        {
            using var x = zeros(Draws, dtype: dtype);

            using var y = RegularizerFunctional.gaussian_noise(x, sigma, training: true);
            using var eval = RegularizerFunctional.gaussian_noise(x, sigma, training: false);

            var draws = TensorCase.ToDoubles(y);
            var mean = draws.Average();
            var std = Math.Sqrt(draws.Sum(v => (v - mean) * (v - mean)) / (Draws - 1));
            Assert.True(Math.Abs(mean) <= 6 * sigma / Math.Sqrt(Draws), $"σ={sigma}: mean {mean}");
            // The sample standard deviation of n normal draws has relative standard error about 1/√(2n).
            Assert.True(Math.Abs((std / sigma) - 1) <= 6 / Math.Sqrt(2.0 * Draws), $"σ={sigma}: sample σ {std}");
            Assert.True(eval.allclose(x, rtol: 0, atol: 0));
        }, iterations: 60);
    }

    [Fact]
    public void Training_SameGeneratorSeed_SameOutput()
    {
        Property.Check(Gen.Select(Layers, Gen.Double[0.05, 0.9], TensorCase.Floating(), Gen.Long[0, long.MaxValue]), (layer, p, input, seed) =>
        {
            using var x = input.Create();
            using var first = new Generator((ulong)seed);
            using var second = new Generator((ulong)seed);

            using var a = layer.Forward(x, p, true, first);
            using var b = layer.Forward(x, p, true, second);

            Assert.True(a.allclose(b, rtol: 0, atol: 0), $"{layer}(p={p}) gave two outputs for seed {seed}");
        });
    }
}
