using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Penalties;

/// <summary>Parameter tying between two modules: value, gradients to both sides, a frozen side, mismatched shapes.</summary>
public sealed class ParameterTyingPenaltyTests
{
    [Fact]
    public void ParameterTyingPenalty_Compute_EqualsHalfLambdaSquaredDistance()
    {
        using var a = Mlp(1);
        using var b = Mlp(2);
        using var value = new ParameterTyingPenalty(a, b, 0.8).Compute();

        var expected = a.named_parameters().Zip(b.named_parameters())
            .Where(p => !p.First.name.EndsWith("bias", StringComparison.Ordinal))
            .Sum(p => Values(p.First.parameter).Zip(Values(p.Second.parameter)).Sum(v => Math.Pow(v.First - v.Second, 2)));
        Assert.Equal(0.4 * expected, Scalar(value), 5);
    }

    [Fact]
    public void ParameterTyingPenalty_Gradients_EqualAutogradOfTheFormulaForBothModules()
    {
        using var a = Mlp(1);
        using var b = Mlp(2);
        using var a2 = Mlp(1);
        using var b2 = Mlp(2);

        using var value = new ParameterTyingPenalty(a, b, 0.8).Compute();
        using var scaled = value * 2.5;
        scaled.backward();
        using var scope = NewDisposeScope();
        var weights = a2.named_parameters().Zip(b2.named_parameters()).Where(p => p.First.name.EndsWith("weight", StringComparison.Ordinal));
        var formula = weights.Select(p => (p.First.parameter - p.Second.parameter).square().sum()).Aggregate((x, y) => x + y) * (0.4 * 2.5);
        formula.backward();

        Assert.Equal(Scalar(formula), 2.5 * Scalar(value), 5);
        foreach (var (mine, theirs) in a.parameters().Concat(b.parameters()).Zip(a2.parameters().Concat(b2.parameters())))
        {
            Assert.Equal(theirs.grad is null, mine.grad is null);
            if (mine.grad is not null)
            {
                Assert.Equal(Values(theirs.grad!), Values(mine.grad), new FloatTolerance(1e-6f));
            }
        }
    }

    [Fact]
    public void ParameterTyingPenalty_FrozenReferenceAndCreateGraph_NoGradientForItAndHessianLambda()
    {
        using var a = nn.Linear(3, 2);
        using var b = nn.Linear(3, 2);
        b.weight.requires_grad = false;
        using var value = new ParameterTyingPenalty(a, b, 0.5).Compute();
        value.backward(create_graph: true);
        using var gradient = a.weight.grad!;
        a.weight.grad = null;

        using var sum = gradient.sum();
        sum.backward();

        Assert.Null(b.weight.grad);
        Assert.All(Values(a.weight.grad!), h => Assert.Equal(0.5f, h));
    }

    [Fact]
    public void ParameterTyingPenalty_DifferentShapes_ThrowsNamingBoth()
    {
        using var a = nn.Linear(3, 2);
        using var b = nn.Linear(4, 2);

        var e = Assert.Throws<ArgumentException>(() => new ParameterTyingPenalty(a, b, 1.0));

        Assert.Equal("b must have the same parameters as a. a: [weight [2x3]]; b: [weight [2x4]]. (Parameter 'b')", e.Message);
    }
}
