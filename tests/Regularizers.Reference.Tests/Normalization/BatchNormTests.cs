using Regularizers.Reference.Normalization;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Normalization;

/// <summary>The reference batch normalisation against central differences, PyTorch golden values and BatchNorm1d.</summary>
public class BatchNormTests
{
    [Fact]
    public void BatchNorm_Backward_MatchesCentralDifferences()
    {
        var random = new Random(6);
        var bn = new BatchNorm(3);
        bn.Gamma[0] = 1.5;
        bn.Gamma[1] = -0.5;
        bn.Beta[2] = 0.3;
        var x = Matrices.Random(5, 3, random, 2);
        var r = Matrices.Random(5, 3, random);
        double Loss()
        {
            var probe = new BatchNorm(3);
            bn.Gamma.CopyTo(probe.Gamma, 0);
            bn.Beta.CopyTo(probe.Beta, 0);
            var y = probe.Forward(x, training: true).Output;
            return y.Data.Zip(r.Data).Sum(p => p.First * p.Second);
        }

        var (_, normalized, inverseStd) = bn.Forward(x, training: true);
        var (dx, dGamma, dBeta) = bn.Backward(normalized, inverseStd, r);

        FiniteDifference.Check(Loss, x.Data, dx.Data);
        FiniteDifference.Check(Loss, bn.Gamma, dGamma);
        FiniteDifference.Check(Loss, bn.Beta, dBeta);
    }

    [Fact]
    public void BatchNorm_TrainTwiceThenEval_MatchesPyTorch()
    {
        var g = Golden.Root.GetProperty("batch_norm");
        var bn = new BatchNorm(3);
        Golden.Array(g.GetProperty("gamma")).CopyTo(bn.Gamma, 0);
        Golden.Array(g.GetProperty("beta")).CopyTo(bn.Beta, 0);

        var (y1, normalized, inverseStd) = bn.Forward(Golden.Matrix(g.GetProperty("x1"), 8, 3), training: true);
        var (dx, dGamma, dBeta) = bn.Backward(normalized, inverseStd, Golden.Matrix(g.GetProperty("r"), 8, 3));
        bn.Forward(Golden.Matrix(g.GetProperty("x2"), 8, 3), training: true);
        var (y3, _, _) = bn.Forward(Golden.Matrix(g.GetProperty("x3"), 4, 3), training: false);

        Tolerances.Close(Golden.Array(g.GetProperty("y1")), y1.Data, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Golden.Array(g.GetProperty("dx1")), dx.Data, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Golden.Array(g.GetProperty("dgamma")), dGamma, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Golden.Array(g.GetProperty("dbeta")), dBeta, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Golden.Array(g.GetProperty("running_mean")), bn.RunningMean, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Golden.Array(g.GetProperty("running_var")), bn.RunningVariance, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Golden.Array(g.GetProperty("y3")), y3.Data, Tolerances.Float64, Tolerances.Float64);
    }

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
