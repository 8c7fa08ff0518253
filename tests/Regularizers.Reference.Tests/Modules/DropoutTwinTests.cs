using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Modules;

/// <summary>The dropout family and DropConnect against their reference twins, with the same masks.</summary>
public class DropoutTwinTests
{
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
