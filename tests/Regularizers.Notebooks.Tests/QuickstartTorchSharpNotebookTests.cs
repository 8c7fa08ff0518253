namespace Regularizers.Notebooks.Tests;

/// <summary>Runs notebooks/01-quickstart-torchsharp.ipynb once and checks what it claims against what it printed.</summary>
public sealed class QuickstartTorchSharpNotebookTests : IClassFixture<QuickstartTorchSharpNotebookTests.Fixture>
{
    private readonly NotebookRun _run;

    public QuickstartTorchSharpNotebookTests(Fixture fixture) => _run = fixture.Run;

    public sealed class Fixture
    {
        public NotebookRun Run { get; } = NotebookRun.Execute("01-quickstart-torchsharp.ipynb");
    }

    private double Number(string pattern) => PrintedValues.Number(_run, pattern);

    [Fact]
    public void Quickstart_EveryCell_RunsWithoutErrors()
    {
        Assert.Empty(_run.Failures);
        Assert.Equal(6, _run.Outputs.Count);
        Assert.All(_run.Outputs, output => Assert.NotEmpty(output));
    }

    [Fact]
    public void Quickstart_FirstCell_InstallsTorchSharpAndScottPlotFromNuGet()
    {
        var installed = _run.Cells[0].Outputs.OfType<DisplayOutput>().Last(d => d.Data.ContainsKey("text/html")).Data["text/html"];

        Assert.Contains("<li><span>TorchSharp-cpu, 0.107.0</span></li>", installed, StringComparison.Ordinal);
        Assert.Contains("<li><span>ScottPlot, 5.1.59</span></li>", installed, StringComparison.Ordinal);
    }

    [Fact]
    public void Quickstart_PenaltyGradients_EqualTheClosedForms()
    {
        Assert.Equal(0, Number(@"max \|grad - 0\.5·w\| = ([0-9.eE+-]+)"));
        Assert.Equal(0, Number(@"max \|grad - 0\.25·sign\(w\)\| = ([0-9.eE+-]+)"));
    }

    [Fact]
    public void Quickstart_TwoLineLoop_LearnsAndRespectsMaxNorm()
    {
        Assert.InRange(Number(@"epoch 3: l2 term [0-9.]+, test accuracy ([0-9.]+)"), 0.75, 1);
        // c = 1 binds: the largest incoming-weight norm is exactly at the bound, and some units sit there.
        Assert.Equal(1.0, Number(@"largest unit norm = ([0-9.]+)"), 4);
        Assert.InRange(Number(@"([0-9]+) of 266 units at the bound"), 1, 266);
    }

    [Fact]
    public void Quickstart_Dropout_TrainingMeanMatchesEval()
    {
        Assert.Equal(1.0, Number(@"inverted: training mean [0-9.]+, eval ([0-9.]+)"));
        Assert.Equal(0.7, Number(@"classic:  training mean [0-9.]+, eval ([0-9.]+)"), 4);
        Assert.Equal(1.0, Number(@"inverted: training mean ([0-9.]+)"), 2);
        Assert.Equal(0.7, Number(@"classic:  training mean ([0-9.]+)"), 2);
    }

    [Fact]
    public void Quickstart_UniformLabelSmoothing_EqualsCrossEntropyWithLabelSmoothing()
    {
        Assert.Equal(Number(@"cross_entropy\(label_smoothing: 0\.1\) ([0-9.]+)"), Number(@"uniform ([0-9.]+)"));
    }

    [Fact]
    public void Quickstart_Trainer_StopsEarlyAndRestoresABetterEpoch()
    {
        var ran = Number(@"ran ([0-9]+) epochs");
        var restored = Number(@"restored epoch ([0-9]+)");
        Assert.InRange(ran, 3, 19);
        Assert.InRange(restored, 1, ran - 1);
        Assert.InRange(Number(@"trainer test accuracy ([0-9.]+)"), 0.78, 1);
    }

    [Fact]
    public void Quickstart_TrainerCell_ShowsItsCurvesAsAPng()
    {
        var png = Assert.Single(PrintedValues.Images(_run, _run.Cells.Count));

        Assert.Equal((700, 360), PrintedValues.PngSize(png));
    }
}
