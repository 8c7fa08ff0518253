using Regularizers.Reference.Modules;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Modules;

/// <summary>Channel dropout against its TorchSharp twin with the same channel mask.</summary>
public class SpatialDropout2dTests
{
    [Theory]
    [InlineData(0.5, DropoutScaling.Inverted)]
    [InlineData(0.3, DropoutScaling.Classic)]
    public void SpatialDropout2d_TorchsMask_GivesTheReferenceOutput(double p, DropoutScaling scaling)
    {
        using var dropout = new Torch.Modules.SpatialDropout2d(p, (Torch.Modules.DropoutScaling)scaling);
        var x = Input(40, 4, 13).Data.Select(v => Math.Abs(v) + 0.1).ToArray();
        using var xt = ToTorch(x).reshape(8, 5, 2, 2);
        manual_seed(14);

        using var y = dropout.call(xt);
        var mask = Doubles(y).Chunk(4).Select(channel => channel[0] != 0 ? 1.0 : 0.0).ToArray();
        dropout.eval();
        using var eval = dropout.call(xt);

        Assert.InRange(mask.Sum(), 1, 39);
        CloseToTorch(SpatialDropout2d.Forward(x, 40, mask, p, scaling, training: true), y);
        CloseToTorch(SpatialDropout2d.Forward(x, 40, mask, p, scaling, training: false), eval);
    }
}
