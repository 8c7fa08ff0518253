using Regularizers.Reference.Ensembles;
using Regularizers.Reference.Modules;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Modules;

/// <summary>Dropout masks, the dropout family and DropConnect: closed forms, then against their TorchSharp twins with the same masks.</summary>
public class DropoutTests
{
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

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.8)]
    public void InvertedDropout_TorchsMask_GivesTheReferenceOutput(double p)
    {
        using var dropout = new Torch.Modules.InvertedDropout(p);
        dropout.train();
        var x = Input(20, 10, 7).Data.Select(v => Math.Abs(v) + 0.1).ToArray();
        using var xt = ToTorch(x);
        manual_seed(8);

        using var y = dropout.call(xt);
        var mask = Doubles(y).Select(v => v != 0 ? 1.0 : 0.0).ToArray();

        CloseToTorch(Reference.Modules.InvertedDropout.Forward(x, mask, p, training: true), y);
        dropout.eval();
        using var eval = dropout.call(xt);
        CloseToTorch(Reference.Modules.InvertedDropout.Forward(x, mask, p, training: false), eval);
    }

    [Fact]
    public void ClassicDropout_TrainAndEval_EqualReference()
    {
        using var dropout = new Torch.Modules.ClassicDropout(0.4);
        var x = Input(10, 10, 9).Data.Select(v => Math.Abs(v) + 0.1).ToArray();
        using var xt = ToTorch(x);

        dropout.train();
        using var y = dropout.call(xt);
        var mask = Doubles(y).Select(v => v != 0 ? 1.0 : 0.0).ToArray();
        dropout.eval();
        using var eval = dropout.call(xt);

        CloseToTorch(Reference.Modules.ClassicDropout.Forward(x, mask, 0.4, training: true), y);
        CloseToTorch(Reference.Modules.ClassicDropout.Forward(x, mask, 0.4, training: false), eval);
    }

    [Fact]
    public void GaussianDropoutAndNoise_Eval_AreTheIdentityInBoth()
    {
        using var dropout = new Torch.Modules.GaussianDropout(0.5);
        using var noise = new Torch.Modules.GaussianNoise(0.3);
        dropout.eval();
        noise.eval();
        var x = Input(4, 5, 10).Data;
        using var xt = ToTorch(x);
        var zeros = new double[x.Length];

        using var yd = dropout.call(xt);
        using var yn = noise.call(xt);

        CloseToTorch(Reference.Modules.GaussianDropout.Forward(x, zeros, 0.5, training: false), yd);
        CloseToTorch(Reference.Modules.GaussianNoise.Forward(x, zeros, 0.3, training: false), yn);
        Assert.Equal(1.0, Reference.Modules.GaussianDropout.StandardDeviation(0.5), 15);
    }

    [Fact]
    public void DropConnectLinear_Eval_UsesTheExpectedWeights()
    {
        manual_seed(11);
        using var layer = new Torch.Modules.DropConnectLinear(4, 3, 0.3);
        layer.eval();
        var x = Input(5, 4, 12);
        using var xt = ToTorch(x);
        var weight = new Matrix(3, 4, Doubles(layer.Weight));

        using var y = layer.call(xt);

        CloseToTorch(Reference.Modules.DropConnectLinear.Forward(x, weight, Doubles(layer.Bias!), new Matrix(3, 4), 0.3, training: false).Data, y);
    }
}
