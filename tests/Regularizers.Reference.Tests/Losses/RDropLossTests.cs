using Regularizers.Reference.Losses;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.Losses;

/// <summary>R-Drop's loss: closed form, central differences and its TorchSharp twin.</summary>
public class RDropLossTests
{
    private static readonly int[] Labels = [0, 3, 2, 1, 3];

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    public void RDropLoss_Gradients_MatchCentralDifferences(double alpha)
    {
        var z1 = Matrices.Random(5, 4, new Random(1), 3);
        var z2 = Matrices.Random(5, 4, new Random(2), 3);
        var loss = new RDropLoss(alpha);

        var (_, g1, g2) = loss.Compute(z1, z2, Labels);

        FiniteDifference.Check(() => loss.Compute(z1, z2, Labels).Loss, z1.Data, g1.Data);
        FiniteDifference.Check(() => loss.Compute(z1, z2, Labels).Loss, z2.Data, g2.Data);
    }

    [Fact]
    public void RDropLoss_SwappedPasses_SameLossAndSwappedGradients()
    {
        var z1 = Matrices.Random(5, 4, new Random(3), 2);
        var z2 = Matrices.Random(5, 4, new Random(4), 2);
        var loss = new RDropLoss(2);

        var forward = loss.Compute(z1, z2, Labels);
        var swapped = loss.Compute(z2, z1, Labels);

        Assert.Equal(forward.Loss, swapped.Loss, 12);
        Close(forward.Gradient1.Data, swapped.Gradient2.Data, 0, 1e-15);
    }

    [Fact]
    public void RDropLoss_TorchTwin_SameLossAndGradients()
    {
        var z1 = Matrices.Random(5, 4, new Random(5), 3);
        var z2 = Matrices.Random(5, 4, new Random(6), 3);
        using var t1 = ToTorch(z1).requires_grad_();
        using var t2 = ToTorch(z2).requires_grad_();
        using var labels = tensor(Labels.Select(l => (long)l).ToArray());

        var (value, g1, g2) = new RDropLoss(1.5).Compute(z1, z2, Labels);
        using var torchLoss = new Torch.Losses.RDropLoss(1.5).call(t1, t2, labels);
        torchLoss.backward();

        CloseToTorch([value], torchLoss);
        CloseToTorch(g1.Data, t1.grad!);
        CloseToTorch(g2.Data, t2.grad!);
    }
}
