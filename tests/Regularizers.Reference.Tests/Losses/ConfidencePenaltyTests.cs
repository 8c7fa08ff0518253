using Regularizers.Reference.Losses;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.Losses;

/// <summary>The confidence penalty: closed form, central differences and its TorchSharp twin.</summary>
public class ConfidencePenaltyTests
{
    private static readonly int[] Labels = [1, 0, 2, 2];

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.4)]
    [InlineData(3.0)]
    public void ConfidencePenalty_Gradient_MatchesCentralDifferences(double beta)
    {
        var z = Matrices.Random(4, 3, new Random(7), 3);
        var loss = new ConfidencePenalty(beta);

        var (_, gradient) = loss.Compute(z, Labels);

        FiniteDifference.Check(() => loss.Compute(z, Labels).Loss, z.Data, gradient.Data);
    }

    [Fact]
    public void ConfidencePenalty_BetaZero_IsSoftmaxCrossEntropy()
    {
        var z = Matrices.Random(4, 3, new Random(8), 2);

        var (value, gradient) = new ConfidencePenalty(0).Compute(z, Labels);
        var (expected, expectedGradient) = SoftmaxCrossEntropy.Compute(z, Labels);

        Assert.Equal(expected, value, 12);
        Close(expectedGradient.Data, gradient.Data, 0, 1e-15);
    }

    [Fact]
    public void ConfidencePenalty_TorchTwin_SameLossAndGradient()
    {
        var z = Matrices.Random(4, 3, new Random(9), 3);
        using var t = ToTorch(z).requires_grad_();
        using var labels = tensor(Labels.Select(l => (long)l).ToArray());

        var (value, gradient) = new ConfidencePenalty(0.7).Compute(z, Labels);
        using var torchLoss = new Torch.Losses.ConfidencePenalty(0.7).call(t, labels);
        torchLoss.backward();

        CloseToTorch([value], torchLoss);
        CloseToTorch(gradient.Data, t.grad!);
    }
}
