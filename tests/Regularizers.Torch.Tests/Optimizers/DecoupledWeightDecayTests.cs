using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Optimizers;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Optimizers;

/// <summary>Decoupled weight decay: the shrink factor, and where it equals an L2 penalty (plain SGD) and where not (Adam).</summary>
public sealed class DecoupledWeightDecayTests
{
    [Fact]
    public void DecoupledWeightDecay_AfterStep_ShrinksWeightsByOneMinusLrLambda()
    {
        using var layer = LinearWithRows([1f, -2f]);
        using var optimizer = optim.SGD(layer.parameters(), 0.1);
        var decay = new DecoupledWeightDecay(0.5, optimizer);

        decay.Apply(layer);

        Assert.Equal(new[] { 0.95f, -1.9f }, Values(layer.weight), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void DecoupledWeightDecay_OneSgdStep_DiffersFromL2PenaltyByLrSquaredLambdaTimesGradient()
    {
        using var a = Mlp(4);
        using var b = Mlp(4);
        using var optA = optim.SGD(a.parameters(), 0.1);
        using var optB = optim.SGD(b.parameters(), 0.1);
        var decoupled = new Regularization { new DecoupledWeightDecay(0.3, optA) };
        var penalty = new Regularization { new L2Penalty(0.3) };
        manual_seed(5);
        using var x = randn(8, 4);
        using var y = randint(0, 2, new long[] { 8 });

        nn.functional.cross_entropy(a.call(x), y).backward();
        var g = Values(a.parameters().First().grad!);
        optA.step();
        decoupled.AfterStep(a);
        using (var loss = nn.functional.cross_entropy(b.call(x), y) + penalty.Penalty(b))
        {
            loss.backward();
        }
        optB.step();

        // (w − lr·g)(1 − lr·λ) − (w − lr·(g + λ·w)) = lr²·λ·g
        var difference = Values(a.parameters().First()).Zip(Values(b.parameters().First()), (p, q) => p - q);
        Assert.Equal(g.Select(v => 0.01f * 0.3f * v), difference, new FloatTolerance(1e-6f));
    }
}
