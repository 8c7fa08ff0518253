using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Regularizers.Notebooks.Tests;

/// <summary>Runs notebooks/05-ensembles-and-uncertainty.ipynb once and checks what it claims against what it printed.</summary>
public sealed class EnsemblesAndUncertaintyNotebookTests : IClassFixture<EnsemblesAndUncertaintyNotebookTests.Fixture>
{
    private readonly NotebookRun _run;

    public EnsemblesAndUncertaintyNotebookTests(Fixture fixture) => _run = fixture.Run;

    public sealed class Fixture
    {
        public NotebookRun Run { get; } = NotebookRun.Execute("05-ensembles-and-uncertainty.ipynb");
    }

    private double Number(string pattern) => PrintedValues.Number(_run, pattern);

    private List<double[]> Rows(string pattern) =>
        Regex.Matches(_run.Text, pattern)
            .Select(m => m.Groups.Values.Skip(1).Select(g => double.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray())
            .ToList();

    private static List<(int Width, int Height)> PngSizes(CellRun cell) =>
        cell.Outputs.OfType<DisplayOutput>()
            .Where(d => d.Data.ContainsKey("image/png"))
            .Select(d => Convert.FromBase64String(d.Data["image/png"]))
            .Select(png => (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))))
            .ToList();

    [Fact]
    public void EnsemblesAndUncertainty_EveryCell_RunsWithoutErrors()
    {
        Assert.Empty(_run.Failures);
        Assert.Equal(6, _run.Cells.Count);
        Assert.Contains("train 2000x784, test 2000x784", _run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsemblesAndUncertainty_Charts_AreDisplayedAsPngs()
    {
        Assert.Equal([(760, 360)], PngSizes(_run.Cells[1]));
        Assert.Equal([(760, 380)], PngSizes(_run.Cells[2]));
        Assert.Equal([(760, 360)], PngSizes(_run.Cells[4]));
        // 15 images in 5 columns of 28·4 + 12 pixels, 3 rows of 28·4 + 12 + 3 caption lines · 16 pixels.
        Assert.Equal([(5 * 124, 3 * 172)], PngSizes(_run.Cells[5]));
    }

    [Fact]
    public void EnsemblesAndUncertainty_Bagging_EveryEnsembleOfTwoOrMoreBeatsTheMeanMember()
    {
        var mean = Number(@"mean member accuracy ([0-9.]+)");
        var bySize = Rows(@"k = [0-9]: ensemble test accuracy ([0-9.]+)").Select(r => r[0]).ToList();

        Assert.InRange(mean, 0.78, 0.84);
        Assert.Equal(8, bySize.Count);
        Assert.All(bySize.Skip(1), accuracy => Assert.True(accuracy > mean, $"An ensemble scored {accuracy}, not above the mean member's {mean}."));
        // "by about one point at k = 8"
        Assert.InRange(bySize[7] - mean, 0.005, 0.02);
    }

    [Fact]
    public void EnsemblesAndUncertainty_Decomposition_FormulaEqualsTheMeasuredErrorAndCIsCloseToV()
    {
        var v = Number(@"v = ([0-9.]+)");
        var c = Number(@", c = ([0-9.]+)");
        var rows = Rows(@"k = [0-9]: formula ([0-9.]+), measured ([0-9.]+) \(mean over [0-9]+ ensembles\), first [0-9] members ([0-9.]+)");

        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.Equal(r[0], r[1]));
        Assert.Equal(rows[7][0], rows[7][2]);
        // "The first k members … lie above them here because member 0's squared error is above the members' mean v."
        Assert.All(rows.Take(7), r => Assert.True(r[2] > r[1], $"The first k members' error {r[2]} is not above the mean over all ensembles, {r[1]}."));
        Assert.True(rows[0][2] > v);
        Assert.Equal(v, rows[0][0]);
        Assert.InRange(c / v, 0.85, 0.99);
        for (var k = 1; k < 8; k++)
        {
            Assert.True(rows[k][0] < rows[k - 1][0], $"The formula does not fall from k = {k} to k = {k + 1}.");
        }
        Assert.Contains("(mean over 70 ensembles)", _run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsemblesAndUncertainty_MonteCarloDropout_MistakesHaveLargerSpreadAndTheCertainHalfIsMoreAccurate()
    {
        var accuracy = Number(@"MC dropout test accuracy ([0-9.]+)");
        var right = Rows(@"spread on correct images: +mean ([0-9.]+), median ([0-9.]+) \(([0-9]+) images\)").Single();
        var wrong = Rows(@"spread on misclassified images: mean ([0-9.]+), median ([0-9.]+) \(([0-9]+) images\)").Single();
        var certain = Number(@"accuracy on the half with the lowest spread ([0-9.]+)");
        var other = Number(@"on the other half ([0-9.]+)");

        Assert.InRange(accuracy, 0.78, 0.85);
        Assert.Equal(2000, right[2] + wrong[2]);
        Assert.Equal(accuracy, right[2] / 2000, 4);
        Assert.InRange(wrong[0] / right[0], 1.3, 3);
        Assert.InRange(wrong[1] / right[1], 1.3, 3);
        Assert.InRange(certain - other, 0.15, 0.4);
        Assert.Equal(accuracy, (certain + other) / 2, 4);
    }
}
