using static Regularizers.Notebooks.Tests.PrintedValues;

namespace Regularizers.Notebooks.Tests;

/// <summary>Runs notebooks/06-closed-forms.ipynb once and checks what it claims against what it printed.</summary>
public sealed class ClosedFormsNotebookTests : IClassFixture<ClosedFormsNotebookTests.Fixture>
{
    private const string Vec = @"(\[[^\]]*\])";
    private readonly NotebookRun _run;

    public ClosedFormsNotebookTests(Fixture fixture) => _run = fixture.Run;

    public sealed class Fixture
    {
        public NotebookRun Run { get; } = NotebookRun.Execute("06-closed-forms.ipynb");
    }

    [Fact]
    public void ClosedForms_EveryCell_RunsWithoutErrors()
    {
        Assert.Empty(_run.Failures);
        Assert.Equal(6, _run.Outputs.Count);
        Assert.All(_run.Outputs.Skip(1), output => Assert.NotEmpty(output));
    }

    [Fact]
    public void ClosedForms_EarlyStoppingChart_IsDisplayedAsAPngImage()
    {
        var image = Assert.Single(Images(_run, 4));
        Assert.Equal((760, 420), PngSize(image));
    }

    [Fact]
    public void ClosedForms_L2_TrainedEqualsRidgeAndKeepsLambdaOverLambdaPlusAlpha()
    {
        Assert.InRange(Number(_run, @"max \|trained − ridge\| = ([0-9.E+-]+)"), 0, 1e-5);
        var formula = Numbers(_run, @"λ/\(λ \+ α\) = ([0-9.]+)");
        var kept = Numbers(_run, @"trained keeps ([0-9.]+) of w\*'s component");
        Assert.Equal(4, formula.Count);
        Assert.Equal(formula, kept);
        Assert.InRange(formula[0], 0.01, 0.05);
        Assert.InRange(formula[3], 0.95, 1);
    }

    [Fact]
    public void ClosedForms_L1_OnlyTheProximalStepLeavesExactZeros()
    {
        var threshold = Vector(_run, @"soft threshold +" + Vec);
        Assert.Equal([1.75, 0, 0, -1, 0, 0.5], threshold);
        Assert.Equal(threshold, Vector(_run, @"L1Proximal \(ISTA\) +" + Vec));
        Assert.Equal(3, Number(_run, @"L1Proximal \(ISTA\) .*exact zeros ([0-9]+)"));
        Assert.Equal(0, Number(_run, @"L1Penalty, subgradient .*exact zeros ([0-9]+)"));
        // The subgradient's zeros stay within ε·(α + Hᵢ|w*ᵢ|) ≤ 0.05·1.6 of 0.
        Assert.InRange(Number(_run, @"L1Penalty, subgradient .*max \|difference\| ([0-9.E+-]+)"), 1e-3, 0.08);
    }

    [Fact]
    public void ClosedForms_EarlyStopping_MatchesL2OnlyWhileTauEpsilonLambdaIsSmall()
    {
        Assert.InRange(Number(_run, @"25 steps at ε = 0\.004: .*max \|difference\| = ([0-9.E+-]+)"), 0, 1e-5);
        var x = Numbers(_run, @"x = τελ = +([0-9.]+);");
        var difference = Numbers(_run, @"difference (-?[0-9.]+); exact");
        Assert.Equal([0.01, 0.1, 0.3, 1, 3, 10], x);
        Assert.Equal([0, 0.0043, 0.0287, 0.134, 0.2024, 0.0909], difference);
        Assert.Equal([9.95, 9.503, 8.56, 5.774, 1.498, 0.003], Numbers(_run, @"exact matching α = ([0-9.]+)"));
    }

    [Fact]
    public void ClosedForms_UnderConstrained_RidgeTendsToMoorePenroseLinearlyInAlpha()
    {
        Assert.InRange(Number(_run, @"max \|X⁺y − torch\.linalg\.pinv\(X\)·y\| = ([0-9.E+-]+)"), 0, 1e-12);
        var gaps = Numbers(_run, @"‖ridge − X⁺y‖ = ([0-9.E+-]+)");
        Assert.Equal(gaps, Numbers(_run, @"\(closed form ([0-9.E+-]+)\)"));
        Assert.Equal(100, gaps[3] / gaps[4], 0.5);
        Assert.InRange(Number(_run, @"trained from 0, no penalty: max \|w − X⁺y\| = ([0-9.E+-]+)"), 0, 1e-4);
        Assert.InRange(Number(_run, @"trained with L2Penalty\(0\.05\): max \|w − ridge\(0\.05\)\| = ([0-9.E+-]+)"), 0, 1e-4);
    }

    [Fact]
    public void ClosedForms_NormBall_ProjectedGradientReachesRidgeAtTheMultiplier()
    {
        var multipliers = Numbers(_run, @"α\* = ([0-9.]+),");
        Assert.Equal(multipliers, Numbers(_run, @"KKT multiplier from w = ([0-9.]+)"));
        Assert.Equal(multipliers.OrderDescending(), multipliers);
        Assert.All(Numbers(_run, @"max \|w − ridge\(α\*\)\| = ([0-9.E+-]+)"), d => Assert.InRange(d, 0, 1e-5));
        Assert.Equal(7.4195, Number(_run, @"least-squares ‖w\*‖ = ([0-9.]+)"));
    }
}
