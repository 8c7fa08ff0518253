using Regularizers.Reference.ClosedForms;
using Regularizers.Reference.LinearAlgebra;

namespace Regularizers.Reference.Tests.ClosedForms;

/// <summary>τ steps of gradient descent from 0 against L2 with α = 1/(τε): where they agree and where they part.</summary>
public class EarlyStoppingAsL2Tests
{
    [Fact]
    public void TrainingForTauSteps_EqualsTheClosedFormQTimesOneMinusDecayPower()
    {
        var (x, y) = LinearFit.Data(40, 4, seed: 9);
        var eigen = SymmetricEigen.Decompose(Ridge.Gram(x));
        var optimum = Ridge.LeastSquares(x, y);

        var trained = LinearFit.Train(x, y, learningRate: 0.004, steps: 25);

        Tolerances.Close(EarlyStoppingAsL2.AfterSteps(eigen, optimum, 0.004, 25), trained, 1e-5, 1e-5);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void KeptFraction_WhereTauEpsilonLambdaIsSmall_MatchesL2WithAlphaOneOverTauEpsilonToSecondOrder(double eigenvalue)
    {
        // ε = 0.001, τ = 100: α = 10 and x = τελ = λ/α ≤ 0.1, ελ ≤ 0.001.
        var alpha = EarlyStoppingAsL2.EquivalentAlpha(0.001, 100);

        var earlyStopping = EarlyStoppingAsL2.KeptFraction(eigenvalue, 0.001, 100);

        var l2 = Ridge.EigenScaling([eigenvalue], alpha)[0];
        var x = eigenvalue / alpha;
        // 1 − e^{−x} = x − x²/2 + …, x/(1 + x) = x − x² + …: they differ by about x²/2.
        Assert.InRange(earlyStopping - l2, 0, x * x);
        Assert.Equal(10, alpha, 12);
    }

    [Theory]
    [InlineData(10, 0.634, 0.5)]
    [InlineData(30, 0.952, 0.75)]
    [InlineData(100, 1.0, 0.909)]
    public void KeptFraction_WhereTauEpsilonLambdaReachesOne_KeepsMoreThanL2(double eigenvalue, double expectedEarlyStopping, double expectedL2)
    {
        var earlyStopping = EarlyStoppingAsL2.KeptFraction(eigenvalue, 0.001, 100);

        var l2 = Ridge.EigenScaling([eigenvalue], EarlyStoppingAsL2.EquivalentAlpha(0.001, 100))[0];

        Assert.Equal(expectedEarlyStopping, earlyStopping, 3);
        Assert.Equal(expectedL2, l2, 3);
        Assert.True(earlyStopping - l2 >= 0.09, $"early stopping keeps {earlyStopping:F3}, L2 {l2:F3}");
    }

    [Fact]
    public void KeptFraction_WhenEpsilonLambdaExceedsTwo_Diverges()
    {
        // (1 − ελ)^τ with ελ = 2.5: |1 − ελ| = 1.5 > 1, so the iterate oscillates with growing amplitude.
        Assert.Equal(1 - Math.Pow(-1.5, 11), EarlyStoppingAsL2.KeptFraction(2.5, 1, 11), 9);
        Assert.True(Math.Abs(EarlyStoppingAsL2.KeptFraction(2.5, 1, 11)) > 80);
    }

    [Theory]
    [InlineData(0.1, 9.950)]
    [InlineData(1.0, 9.503)]
    [InlineData(10.0, 5.774)]
    public void ExactAlpha_ApproachesOneOverTauEpsilonOnlyForSmallEigenvalues(double eigenvalue, double expected)
    {
        var alpha = EarlyStoppingAsL2.ExactAlpha(eigenvalue, 0.001, 100);

        Assert.Equal(expected, alpha, 3);
        Assert.Equal(EarlyStoppingAsL2.KeptFraction(eigenvalue, 0.001, 100), Ridge.EigenScaling([eigenvalue], alpha)[0], 12);
    }
}
