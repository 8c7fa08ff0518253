using TorchSharp.Modules;
using static Regularizers.Torch.RegularizerModules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests;

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
}
