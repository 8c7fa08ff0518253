using TorchSharp.Modules;
using static Regularizers.Torch.Modules.RegularizerModules;
using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Modules;

public sealed class DropoutTests
{
    [Fact]
    public void InvertedDropout_Training_MeanStaysAtInput()
    {
        // 10^6 elements of 1·m/(1−p): the mean's standard error is √(p/(1−p))/1000 ≈ 0.00065 at p = 0.3; allow 5σ.
        manual_seed(11);
        using var dropout = InvertedDropout(0.3);
        using var x = ones(1_000_000);
        using var y = dropout.call(x);

        Assert.InRange(Scalar(y.mean()), 1 - 0.0033, 1 + 0.0033);
        Assert.Equal(new[] { 0f, 1 / 0.7f }, Values(y).Distinct().Order().ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void InvertedDropout_Eval_IsIdentity()
    {
        using var dropout = InvertedDropout(0.5);
        dropout.eval();
        using var x = randn(50);

        Assert.Equal(Values(x), Values(dropout.call(x)));
    }

    [Fact]
    public void ClassicDropout_Training_KeepsSurvivorsUnscaled()
    {
        manual_seed(12);
        using var dropout = ClassicDropout(0.4);
        using var x = full(100_000, 2f);
        using var y = dropout.call(x);

        Assert.Equal(new[] { 0f, 2f }, Values(y).Distinct().Order().ToArray());
        Assert.InRange(Values(y).Count(v => v == 0) / 100_000.0, 0.4 - 0.008, 0.4 + 0.008);
    }

    [Fact]
    public void ClassicDropout_Eval_ScalesByKeepProbability()
    {
        using var dropout = ClassicDropout(0.25);
        dropout.eval();
        using var x = tensor(new[] { 4f, -8f });

        Assert.Equal(new[] { 3f, -6f }, Values(dropout.call(x)));
    }

    [Theory]
    [InlineData(0.0)]
    public void Dropouts_PZero_AreIdentityInTraining(double p)
    {
        using var x = randn(1000);

        Assert.Equal(Values(x), Values(InvertedDropout(p).call(x)));
        Assert.Equal(Values(x), Values(ClassicDropout(p).call(x)));
        Assert.Equal(Values(x), Values(GaussianDropout(p).call(x)));
    }

    [Fact]
    public void ClassicDropout_PNearOne_DropsAlmostEverything()
    {
        manual_seed(5);
        using var x = ones(100_000);
        using var y = ClassicDropout(0.999).call(x);

        Assert.InRange(Scalar(y.sum()), 50, 160);
    }

    [Theory]
    [InlineData(1.0, "p must be a finite number in the range [0, 1). Received: p=1. (Parameter 'p')\nActual value was 1.")]
    [InlineData(-0.1, "p must be a finite number in the range [0, 1). Received: p=-0.1. (Parameter 'p')\nActual value was -0.1.")]
    [InlineData(double.NaN, "p must be a finite number in the range [0, 1). Received: p=NaN. (Parameter 'p')\nActual value was NaN.")]
    public void ClassicDropout_InvalidP_ThrowsExactMessage(double p, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassicDropout(p));

        Assert.Equal(message.Replace("\n", Environment.NewLine, StringComparison.Ordinal), e.Message);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void ClassicDropout_Training_DropsPAndNeighboursAreIndependent(double p)
    {
        using var scope = NewDisposeScope();
        // 10^6 elements: the drop fraction's standard error is √(p(1−p))/1000 ≤ 0.0005 and that of the fraction of
        // adjacent pairs both kept is below 0.0005 as well; allow 6σ (0.003). Adjacent elements come from neighbouring
        // vector lanes and iterations, so a lane or stride bug would show up as a pair frequency off (1−p)².
        manual_seed(21);
        using var x = ones(1_000_000);
        var kept = Values(ClassicDropout(p).call(x));
        var pairs = Enumerable.Range(0, kept.Length - 1).Count(i => kept[i] == 1 && kept[i + 1] == 1) / (double)(kept.Length - 1);

        Assert.InRange(kept.Count(v => v == 0) / (double)kept.Length, p - 0.003, p + 0.003);
        Assert.InRange(pairs, ((1 - p) * (1 - p)) - 0.003, ((1 - p) * (1 - p)) + 0.003);
    }

    [Fact]
    public void InvertedDropout_SameSeed_SameMaskAndElementsDependOnlyOnTheirIndex()
    {
        using var scope = NewDisposeScope();
        // 1003 is not a multiple of any vector width: the first 1003 elements of a longer mask equal the short mask,
        // so the vectorised body and the scalar tail draw the same element from the same index.
        manual_seed(22);
        var longer = Values(InvertedDropout(0.5).call(ones(2000)));
        manual_seed(22);
        var shorter = Values(InvertedDropout(0.5).call(ones(1003)));
        var next = Values(InvertedDropout(0.5).call(ones(1003)));

        Assert.Equal(longer.Take(1003), shorter);
        Assert.NotEqual(shorter, next);
    }

    [Fact]
    public void InvertedDropout_ExplicitGenerator_FixesTheMask()
    {
        using var scope = NewDisposeScope();
        var first = Values(RegularizerFunctional.inverted_dropout(ones(500), 0.3, generator: new Generator(7)));
        var second = Values(RegularizerFunctional.inverted_dropout(ones(500), 0.3, generator: new Generator(7)));

        Assert.Equal(first, second);
        Assert.Contains(0f, first);
    }

    [Fact]
    public void InvertedDropout_Float64Input_KeepsTypeAndScale()
    {
        manual_seed(23);
        using var x = ones(new long[] { 100_000 }, ScalarType.Float64);
        using var y = InvertedDropout(0.2).call(x);

        Assert.Equal(ScalarType.Float64, y.dtype);
        Assert.InRange(Scalar(y.mean()), 1 - 0.01, 1 + 0.01);
        Assert.Equal(new[] { 0f, 1.25f }, Values(y).Distinct().Order().ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void GaussianDropout_Training_HasMeanOneAndVarianceROverOneMinusP()
    {
        manual_seed(13);
        using var x = ones(1_000_000);
        using var y = GaussianDropout(0.2).call(x);

        Assert.InRange(Scalar(y.mean()), 0.998, 1.002);
        Assert.InRange(Scalar(y.var()), 0.25 * 0.99, 0.25 * 1.01);
    }

    [Fact]
    public void GaussianNoise_TrainingAddsSigmaNoise_EvalIsIdentity()
    {
        manual_seed(14);
        using var noise = GaussianNoise(0.5);
        using var x = zeros(1_000_000);
        using var y = noise.call(x);
        Assert.InRange(Scalar(y.std()), 0.5 * 0.995, 0.5 * 1.005);

        noise.eval();
        Assert.Equal(0.0, Scalar(noise.call(x).abs().sum()));
    }

    [Fact]
    public void GaussianNoise_Training_IsStandardNormalShapedAndUncorrelated()
    {
        using var scope = NewDisposeScope();
        // 10^6 + 1 deviates (odd, so the scalar tail runs): the fractions within 1σ and 2σ are Φ's 0.6827 and 0.9545, the
        // kurtosis is 3 (standard error ≈ 0.005), and neither neighbours nor the cos/sin halves of one Box–Muller pair
        // (elements j and j + ⌈n/2⌉) are correlated (standard error 0.001). Bounds are about 5σ.
        manual_seed(24);
        using var x = zeros(1_000_001);
        var z = Values(GaussianNoise(1.0).call(x)).Select(v => (double)v).ToArray();
        var half = (z.Length + 1) / 2;
        double Correlation(int offset, int count) => Enumerable.Range(0, count).Sum(i => z[i] * z[i + offset]) / count;

        Assert.InRange(z.Count(v => Math.Abs(v) < 1) / (double)z.Length, 0.6827 - 0.0025, 0.6827 + 0.0025);
        Assert.InRange(z.Count(v => Math.Abs(v) < 2) / (double)z.Length, 0.9545 - 0.0011, 0.9545 + 0.0011);
        Assert.InRange(z.Average(v => v * v * v * v), 3 - 0.025, 3 + 0.025);
        Assert.InRange(Correlation(1, z.Length - 1), -0.005, 0.005);
        Assert.InRange(Correlation(half, z.Length - half), -0.005, 0.005);
    }

    [Fact]
    public void GaussianDropout_ExplicitGenerator_FixesTheNoise()
    {
        using var scope = NewDisposeScope();
        var first = Values(RegularizerFunctional.gaussian_dropout(ones(301), 0.5, generator: new Generator(9)));
        var second = Values(RegularizerFunctional.gaussian_dropout(ones(301), 0.5, generator: new Generator(9)));
        var other = Values(RegularizerFunctional.gaussian_dropout(ones(301), 0.5, generator: new Generator(10)));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void DropConnectLinear_Eval_UsesExpectedWeights()
    {
        using var layer = DropConnectLinear(3, 2, p: 0.4);
        layer.eval();
        using var x = randn(5, 3);
        using var expected = nn.functional.linear(x, layer.Weight * 0.6, layer.Bias);

        Assert.Equal(Values(expected), Values(layer.call(x)), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void DropConnectLinear_Training_DropsAboutPOfTheWeights()
    {
        manual_seed(15);
        using var layer = DropConnectLinear(1000, 1, p: 0.3, hasBias: false);
        using (no_grad())
        {
            layer.Weight.fill_(1f);
        }
        using var x = eye(1000);
        using var y = layer.call(x);

        Assert.InRange(Values(y).Count(v => v == 0) / 1000.0, 0.3 - 0.06, 0.3 + 0.06);
        Assert.Equal(["weight"], layer.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void WeightNoise_Eval_EqualsWrappedLayer_TrainingDiffers()
    {
        using var linear = nn.Linear(4, 3);
        using var noisy = WeightNoise(linear, 0.1);
        using var x = randn(2, 4);
        using var clean = linear.call(x);

        Assert.NotEqual(Values(clean), Values(noisy.call(x)));
        noisy.eval();
        Assert.Equal(Values(clean), Values(noisy.call(x)));
        Assert.Equal(["layer.weight", "layer.bias"], noisy.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void WeightNoise_OnReLU_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => WeightNoise(nn.ReLU(), 0.1));

        Assert.Equal("layer must be a Linear or Conv2d module. Received: layer=ReLU. (Parameter 'layer')", e.Message);
    }

    [Fact]
    public void DropoutConversion_ClassicToInvertedAndBack_KeepsEvalOutput()
    {
        manual_seed(16);
        using var classic = nn.Sequential(("fc1", nn.Linear(4, 8)), ("drop", ClassicDropout(0.3)), ("fc2", nn.Linear(8, 2)));
        classic.eval();
        using var x = randn(5, 4);
        var before = Values(classic.call(x));

        var inverted = DropoutConversion.ToInverted(classic);
        inverted.eval();
        Assert.IsType<InvertedDropout>(inverted[1]);
        Assert.Equal(before, Values(inverted.call(x)), new FloatTolerance(1e-5f));

        var back = DropoutConversion.ToClassic(inverted);
        back.eval();
        Assert.IsType<ClassicDropout>(back[1]);
        Assert.Equal(before, Values(back.call(x)), new FloatTolerance(1e-5f));
    }

    [Fact]
    public void InvertedDropout_DisposedInput_ThrowsNamingInput()
    {
        // Found by InvalidInputProperties: a disposed tensor gave TorchSharp's invalid-handle error.
        var x = ones(2, 3);
        x.Dispose();

        var e = Assert.Throws<ArgumentException>(() => RegularizerFunctional.inverted_dropout(x, 0.5));

        Assert.Equal("input has been disposed; pass a live tensor. (Parameter 'input')", e.Message);
    }
}
