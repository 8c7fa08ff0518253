using Regularizers.Reference.Losses;
using static Regularizers.Reference.Tests.TorchTwins;
using static Regularizers.Reference.Tests.Tolerances;
using ReferenceFgsm = Regularizers.Reference.Adversarial.FgsmAttack;
using TorchFgsm = Regularizers.Torch.Adversarial.FgsmAttack;

namespace Regularizers.Reference.Tests.Adversarial;

/// <summary>FGSM from the reference network's manual input gradient against the torch attack on the same weights.</summary>
public class FgsmAttackTests
{
    private static readonly int[] Labels = [0, 2, 1, 1, 0, 2];

    [Fact]
    public void InputGradient_ManualBackward_MatchesCentralDifferences()
    {
        var (_, network) = Twins(3);
        var x = Input(6, 4, 30);

        FiniteDifference.Check(() => SoftmaxCrossEntropy.Compute(network.Forward(x).Output, Labels).Loss, x.Data, network.InputGradient(x, Labels).Data);
    }

    [Fact]
    public void Fgsm_SameWeights_SignsAgreeOnEveryNonZeroComponentAndTheBatchesMatch()
    {
        using var scope = NewDisposeScope();
        var (model, network) = Twins(3);
        // Inputs inside (0, 1) so that the clip leaves room on both sides.
        var x = Input(6, 4, 31);
        var inside = new Matrix(6, 4, x.Data.Select(v => 0.5 + (0.2 * Math.Tanh(v))).ToArray());
        var gradient = network.InputGradient(inside, Labels);
        var xt = ToTorch(inside);
        var yt = tensor(Labels.Select(l => (long)l).ToArray());

        var reference = new ReferenceFgsm(0.1).Perturb(network, inside, Labels);
        var torchAdversarial = Doubles(new TorchFgsm(0.1).Perturb(model, xt, yt));

        Assert.All(gradient.Data, g => Assert.True(Math.Abs(g) > 1e-7, "a gradient component too close to 0 to compare signs"));
        for (var i = 0; i < gradient.Data.Length; i++)
        {
            Assert.Equal(Math.Sign(gradient.Data[i]), Math.Sign(torchAdversarial[i] - Doubles(xt)[i]));
        }
        Close(reference.Data, torchAdversarial, 0, 1e-6);
    }

    [Fact]
    public void Fgsm_PixelsAtTheEdges_AreClippedToTheInputRange()
    {
        var (_, network) = Twins(4);
        var x = new Matrix(2, 4, [0, 1, 0.02, 0.98, 1, 0, 0.5, 0.5]);

        var adversarial = new ReferenceFgsm(0.3).Perturb(network, x, [1, 2]);

        Assert.All(adversarial.Data, v => Assert.InRange(v, 0, 1));
        Assert.All(adversarial.Data.Zip(x.Data), p => Assert.True(Math.Abs(p.First - p.Second) <= 0.3 + 1e-15));
    }
}
