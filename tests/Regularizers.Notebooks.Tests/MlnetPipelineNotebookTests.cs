using System.Globalization;
using System.Text.RegularExpressions;

namespace Regularizers.Notebooks.Tests;

/// <summary>Runs notebooks/02-mlnet-pipeline.ipynb once and checks what it claims against what it printed.</summary>
public sealed class MlnetPipelineNotebookTests : IClassFixture<MlnetPipelineNotebookTests.Fixture>
{
    private readonly NotebookRun _run;

    public MlnetPipelineNotebookTests(Fixture fixture) => _run = fixture.Run;

    public sealed class Fixture
    {
        public NotebookRun Run { get; } = NotebookRun.Execute("02-mlnet-pipeline.ipynb");
    }

    private double Number(string pattern) => PrintedValues.Number(_run, pattern);

    [Fact]
    public void MlnetPipeline_EveryCell_RunsWithoutErrors()
    {
        Assert.Empty(_run.Failures);
        Assert.Equal(7, _run.Cells.Count);
    }

    [Fact]
    public void MlnetPipeline_FirstCell_InstallsMlNetTorchSharpAndScottPlot()
    {
        var installed = _run.Cells[0].Outputs.OfType<DisplayOutput>().Last(d => d.Data.ContainsKey("text/html")).Data["text/html"];

        Assert.Contains("<li><span>Microsoft.ML, 5.0.1</span></li>", installed, StringComparison.Ordinal);
        Assert.Contains("<li><span>TorchSharp-cpu, 0.107.0</span></li>", installed, StringComparison.Ordinal);
        Assert.Contains("<li><span>ScottPlot, 5.1.59</span></li>", installed, StringComparison.Ordinal);
    }

    [Fact]
    public void MlnetPipeline_Data_HasTheStatedRowsAndColumns()
    {
        Assert.Contains("rows: train 3000, validation 1000, test 1000", _run.Text, StringComparison.Ordinal);
        Assert.Contains("columns: Pixels (Vector<Single, 784>), Label (String)", _run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MlnetPipeline_Fit_StopsEarlyAndRestoresTheBestValidationEpoch()
    {
        var ran = Number(@"ran ([0-9]+) epochs");
        var restored = Number(@"restored epoch ([0-9]+)");
        Assert.InRange(ran, 5, 29);
        Assert.Equal(ran - 3, restored);
        var validationLosses = Regex.Matches(_run.Text, @"validation loss ([0-9.]+),")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal((int)ran, validationLosses.Count);
        Assert.Equal(validationLosses.Min(), validationLosses[(int)restored - 1]);
    }

    [Fact]
    public void MlnetPipeline_LossChart_IsDisplayedAsAPng()
    {
        var png = ChartImages(_run.Cells[3]).Single();

        Assert.Equal(760, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(380, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void MlnetPipeline_Evaluate_ReachesTheExpectedAccuracyAndLogLoss()
    {
        Assert.InRange(Number(@"test accuracy ([0-9.]+)"), 0.8, 0.88);
        Assert.InRange(Number(@"\(macro ([0-9.]+)\)"), 0.8, 0.88);
        Assert.InRange(Number(@"log-loss ([0-9.]+)"), 0.35, 0.6);
        Assert.Contains("Confusion table", _run.Text, StringComparison.Ordinal);
        var keys = Regex.Match(_run.Text, "keys: (.+)").Groups[1].Value.Split(", ");
        Assert.Equal(Enumerable.Range(0, 10).Select(k => k.ToString(CultureInfo.InvariantCulture)), keys.Select(k => k.Split(' ')[0]));
        Assert.Equal(10, keys.Select(k => k[(k.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Distinct().Count());
    }

    [Fact]
    public void MlnetPipeline_PredictionEngine_ShowsSixClassesAndOneMistake()
    {
        var lines = Regex.Matches(_run.Text, @"test image +[0-9]+: true (.+?) +predicted (.+?) +p = ([0-9.]+)(  \(wrong\))?").ToList();

        Assert.Equal(7, lines.Count);
        Assert.Equal(6, lines.Where(l => !l.Groups[4].Success).Select(l => l.Groups[2].Value).Distinct().Count());
        var wrong = Assert.Single(lines, l => l.Groups[4].Success);
        Assert.NotEqual(wrong.Groups[1].Value, wrong.Groups[2].Value);
    }

    [Fact]
    public void MlnetPipeline_LoadedModel_ScoresIdentically()
    {
        Assert.Equal(0, Number(@"max \|score difference\| = ([0-9.eE+-]+)"));
        Assert.Contains("same predicted class on 1000/1000", _run.Text, StringComparison.Ordinal);
    }

    private static List<byte[]> ChartImages(CellRun cell) =>
        cell.Outputs.OfType<DisplayOutput>().Where(d => d.Data.ContainsKey("image/png")).Select(d => Convert.FromBase64String(d.Data["image/png"])).ToList();
}
