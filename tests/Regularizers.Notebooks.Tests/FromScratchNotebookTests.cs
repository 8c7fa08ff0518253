using static Regularizers.Notebooks.Tests.PrintedValues;

namespace Regularizers.Notebooks.Tests;

/// <summary>Runs notebooks/03-from-scratch.ipynb once and checks what it claims against what it printed.</summary>
public sealed class FromScratchNotebookTests : IClassFixture<FromScratchNotebookTests.Fixture>
{
    private const string Vec = @"(\[[^\]]*\])";
    private readonly NotebookRun _run;

    public FromScratchNotebookTests(Fixture fixture) => _run = fixture.Run;

    public sealed class Fixture
    {
        public NotebookRun Run { get; } = NotebookRun.Execute("03-from-scratch.ipynb");
    }

    [Fact]
    public void FromScratch_EveryCell_RunsWithoutErrors()
    {
        Assert.Empty(_run.Failures);
        Assert.Equal(9, _run.Outputs.Count);
        Assert.All(_run.Outputs.Where((_, i) => i is not (0 or 6 or 8)), output => Assert.NotEmpty(output));
    }

    [Fact]
    public void FromScratch_Charts_AreDisplayedAsPngImages()
    {
        foreach (var cell in new[] { 7, 9 })
        {
            var image = Assert.Single(Images(_run, cell));
            Assert.Equal((760, 420), PngSize(image));
            Assert.All(_run.Cells[cell - 1].Outputs.OfType<DisplayOutput>(), d => Assert.Equal(["image/png"], d.Data.Keys));
        }
    }

    [Fact]
    public void FromScratch_SeedNetwork_ReferenceFollowsTorchStepByStep()
    {
        var moved = Numbers(_run, @"step \d: .*moved ([0-9.E+-]+)");
        var float32 = Numbers(_run, @"step \d: .*float32 ([0-9.E+-]+)");
        var float64 = Numbers(_run, @"step \d: .*float64 ([0-9.E+-]+)");
        Assert.Equal(5, moved.Count);
        Assert.All(moved, m => Assert.InRange(m, 1e-4, 1e-2));
        // float32 rounding of weights below 0.1 is below 1e-8 a step; five steps stay under 1e-7.
        Assert.All(float32, d => Assert.InRange(d, 0, 1e-7));
        Assert.All(float64, d => Assert.InRange(d, 0, 1e-15));
        Assert.Equal(Numbers(_run, @"step \d: loss ([0-9.]+)"), Numbers(_run, @"step \d: loss [0-9.]+ \(torch ([0-9.]+)\)"), (a, b) => Math.Abs(a - b) <= 2e-6);
    }

    [Theory]
    [InlineData("L2")]
    [InlineData("L1")]
    public void FromScratch_PenaltyGradients_ReferenceLibraryAndAutogradAgree(string penalty)
    {
        var printed = Groups(_run, penalty + @": value reference ([0-9.]+), library ([0-9.]+), autograd ([0-9.]+); "
            + @"max \|∇reference − ∇library\| = (\S+), max \|∇reference − ∇autograd\| = (\S+); at w = 0: (\S+), (\S+), (\S+)\n");

        Assert.InRange(double.Parse(printed[0], System.Globalization.CultureInfo.InvariantCulture), 0.1, 10);
        Assert.Equal([printed[0], printed[0]], printed[1..3]);
        Assert.Equal(["0", "0"], printed[3..5]);
        Assert.Equal(["0", "0", "0"], printed[5..8]);
    }

    [Theory]
    [InlineData("inverted", 1.0)]
    [InlineData("classic", 0.7)]
    public void FromScratch_Dropout_TrainingMeanMatchesInferenceOnBothSides(string kind, double scale)
    {
        double[] expected = [scale, 2 * scale, 3 * scale, 4 * scale];
        var prefix = kind == "inverted" ? "inverted training mean: " : "classic training mean:  ";
        var inference = kind == "inverted" ? "inverted inference:     " : "classic inference:      ";
        Assert.Equal(expected, Vector(_run, inference + "reference " + Vec), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(expected, Vector(_run, inference + @"reference \[[^\]]*\], torch " + Vec), (a, b) => Math.Abs(a - b) < 1e-12);
        // 100,000 draws: the mean's standard error is at most 4·√(0.3/0.7)/√100000 ≈ 0.008 (inverted, x = 4); allow 5 of them.
        Assert.Equal(expected, Vector(_run, prefix + "reference " + Vec), (a, b) => Math.Abs(a - b) < 0.04);
        Assert.Equal(expected, Vector(_run, prefix + @"reference \[[^\]]*\], torch " + Vec), (a, b) => Math.Abs(a - b) < 0.04);
        Assert.Equal(0, Number(_run, kind == "inverted" ? @"same masks: max \|reference − torch\| = ([0-9.E+-]+) \(inverted\)" : @"\(inverted\), ([0-9.E+-]+) \(classic\)"));
    }

    [Theory]
    [InlineData("Uniform     ", 0.85, 0.05)]
    [InlineData("OtherClasses", 0.8, 0.2 / 3)]
    public void FromScratch_LabelSmoothing_TargetsMatchTheFormulaForFourClasses(string mode, double trueClass, double other)
    {
        double[] expected = [other, other, trueClass, other];
        foreach (var side in new[] { "formula ", @"reference ", @"torch " })
        {
            var pattern = mode + @": .*?" + side + Vec;
            Assert.Equal(expected, Vector(_run, pattern), (a, b) => Math.Abs(a - b) <= 5e-5);
        }
    }

    [Fact]
    public void FromScratch_L2OnLinearRegression_EqualsRidgeWithAlphaNLambdaOverTwo()
    {
        Assert.InRange(Number(_run, @"largest difference over all 25 strengths: ([0-9.E+-]+)"), 0, 1e-9);
        Assert.All(Numbers(_run, @"in +([0-9]+) steps"), steps => Assert.InRange(steps, 1, 19_999));
        var leastSquares = Vector(_run, @"λ = 0\.001 .*? trained " + Vec);
        var atOne = Vector(_run, @"λ = 1 .*? trained " + Vec);
        var atTen = Vector(_run, @"λ = 10 .*? trained " + Vec);
        var atThousand = Vector(_run, @"λ = 1E\+03 .*? trained " + Vec);
        Assert.All(atThousand, w => Assert.InRange(Math.Abs(w), 1e-4, 0.01));
        Assert.True(atTen.Zip(atOne).All(p => Math.Abs(p.First) < Math.Abs(p.Second)), "Weights at λ = 10 are smaller than at λ = 1.");
        Assert.True(leastSquares[3] < Vector(_run, @"λ = 0\.1 .*? trained " + Vec)[3], "w4 grows from λ = 0.001 to λ = 0.1, as the notebook says.");
        Assert.All(Vector(_run, @"diag\(XᵀX\) = " + Vec), d => Assert.InRange(d, 98, 127));
    }

    [Fact]
    public void FromScratch_L1OnQuadratic_IstaIsTheSoftThresholdAndSubgradientMissesTheZeros()
    {
        double[] formula = [1.25, -0.7, 0, -0.175, 0, 1.0];
        Assert.Equal(formula, Vector(_run, @"soft threshold: " + Vec), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.InRange(Number(_run, @"ISTA: .*max \|difference\| = ([0-9.E+-]+)"), 0, 1e-12);
        Assert.Equal(2, Number(_run, @"ISTA: .*exact zeros ([0-9]+)"));
        var subgradient = Vector(_run, @"subgradient: +" + Vec);
        Assert.Equal(new[] { 1.25, -0.7, -0.175, 1.0 }, new[] { subgradient[0], subgradient[1], subgradient[3], subgradient[5] }, (a, b) => Math.Abs(a - b) <= 5e-5);
        Assert.Equal(0, Number(_run, @"subgradient: .*exact zeros ([0-9]+)"));
        Assert.InRange(Number(_run, @"largest \|w\| where the optimum is 0: ([0-9.E+-]+)"), 1e-6, 0.125);
        Assert.InRange(Number(_run, @"largest \|ISTA − soft threshold\| over 36 strengths: ([0-9.E+-]+)"), 0, 1e-12);
    }
}
