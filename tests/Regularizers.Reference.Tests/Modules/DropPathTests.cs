using Regularizers.Reference.Modules;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Modules;

/// <summary>Stochastic depth: closed form, then against its TorchSharp twin with the same per-example mask.</summary>
public class DropPathTests
{
    [Fact]
    public void DropPath_Classic_EvalScalesByKeepProbability() =>
        Assert.Equal([0.75, -1.5], DropPath.Forward([1.0, -2.0], 1, [0], 0.25, DropoutScaling.Classic, training: false));

    [Theory]
    [InlineData(0.3, DropoutScaling.Inverted)]
    [InlineData(0.6, DropoutScaling.Classic)]
    public void DropPath_TorchsMask_GivesTheReferenceOutput(double p, DropoutScaling scaling)
    {
        using var dropPath = new Torch.Modules.DropPath(p, (Torch.Modules.DropoutScaling)scaling);
        var x = Input(30, 6, 11).Data.Select(v => Math.Abs(v) + 0.1).ToArray();
        using var xt = ToTorch(x).reshape(30, 2, 3);
        manual_seed(12);

        using var y = dropPath.call(xt);
        var mask = Doubles(y).Chunk(6).Select(row => row[0] != 0 ? 1.0 : 0.0).ToArray();
        dropPath.eval();
        using var eval = dropPath.call(xt);

        Assert.InRange(mask.Sum(), 1, 29);
        CloseToTorch(DropPath.Forward(x, 30, mask, p, scaling, training: true), y);
        CloseToTorch(DropPath.Forward(x, 30, mask, p, scaling, training: false), eval);
    }
}
