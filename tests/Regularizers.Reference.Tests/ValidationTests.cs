using Regularizers.Reference.Ensembles;
using Regularizers.Reference.Modules;
using Regularizers.Reference.Optimizers;

namespace Regularizers.Reference.Tests;

public class ValidationTests
{
    [Fact]
    public void Sgd_ZeroLearningRate_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0));

        Assert.StartsWith("learningRate must be a finite number greater than 0. Received: learningRate=0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adam_NaNBeta_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta1: double.NaN));

        Assert.StartsWith("beta1 must be a finite number in the range [0, 1). Received: beta1=NaN.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DropoutMask_PBeyondOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DropoutMask.Draw(3, 1.5, new Random(0)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void DropoutMask_KeepsAboutOneMinusP(double p)
    {
        var mask = DropoutMask.Draw(100_000, p, new Random(1));

        // The kept fraction has standard deviation √(p(1−p)/n) ≤ 0.0016; 0.01 is over six of them.
        Assert.Equal(1 - p, mask.Average(), 0.01);
    }

    [Fact]
    public void InvertedDropout_MeanOverMasks_IsTheInput()
    {
        var random = new Random(2);
        double[] x = [1.0, -2.0, 0.5];
        var passes = Enumerable.Range(0, 20_000).Select(_ => InvertedDropout.Forward(x, DropoutMask.Draw(3, 0.5, random), 0.5, training: true)).ToList();

        var mean = MonteCarloDropout.Mean(passes);

        // Each pass's output has standard deviation |x| (p = 0.5); the mean of 20,000 passes |x|/141.
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(x[i], mean[i], 5 * Math.Abs(x[i]) / 141);
        }
    }

    [Fact]
    public void ClassicDropout_EvalScalesByKeepProbability() =>
        Assert.Equal([0.7, -1.4], ClassicDropout.Forward([1.0, -2.0], [0, 0], 0.3, training: false).Select(v => Math.Round(v, 12)));

    [Fact]
    public void SeedVariants_DifferFromPyTorchsOnTheFirstStep()
    {
        double[] torchForm = [1.0];
        double[] seedForm = [1.0];
        double[] g = [0.5];

        new Adam(0.1).Step([torchForm], [g]);
        new Adam(0.1, biasCorrection: AdamBiasCorrection.Uncorrected).Step([seedForm], [g]);

        // Corrected: m̂ = g, v̂ = g², step lr·g/|g| = 0.1. Uncorrected: m = 0.1g, v = 0.001g², step 0.1·0.1/√0.001 ≈ 0.316.
        Assert.Equal(0.9, torchForm[0], 6);
        Assert.Equal(1 - (0.1 * 0.1 / Math.Sqrt(0.001)), seedForm[0], 6);
    }
}
