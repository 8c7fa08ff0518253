using TorchSharp.Modules;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Normalization;

/// <summary>The reference batch normalisation against BatchNorm1d.</summary>
public class BatchNormTwinTests
{
    [Fact]
    public void BatchNorm_TrainForwardBackwardAndRunningStats_EqualBatchNorm1d()
    {
        using var torchBn = nn.BatchNorm1d(3);
        var bn = new Reference.Normalization.BatchNorm(3);
        var x = Input(8, 3, 16);
        var r = Input(8, 3, 17);
        using var xt = ToTorch(x).requires_grad_(true);
        using var rt = ToTorch(r);

        using var y = torchBn.call(xt);
        using var loss = (y * rt).sum();
        loss.backward();
        var (refY, normalized, inverseStd) = bn.Forward(x, training: true);
        var (dx, dGamma, dBeta) = bn.Backward(normalized, inverseStd, r);

        CloseToTorch(refY.Data, y);
        CloseToTorch(dx.Data, xt.grad!);
        CloseToTorch(dGamma, torchBn.weight.grad!);
        CloseToTorch(dBeta, torchBn.bias!.grad!);
        CloseToTorch(bn.RunningMean, torchBn.running_mean!);
        CloseToTorch(bn.RunningVariance, torchBn.running_var!);
    }
}
