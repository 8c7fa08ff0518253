using System.Text.Json;
using Microsoft.Playwright;
using Regularizers.Cli.Reports;

namespace Regularizers.Cli.Tests.Reports;

/// <summary>A small comparison with bagging, the weight penalties and a sweep, so that every kind of chart is drawn.</summary>
public sealed class SweepComparison : IDisposable
{
    public static readonly string[] Configurations = ["none", "l2", "l1", "inverted-dropout", "bagging"];

    public SweepComparison()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("regularizers-report-").FullName;
        (Code, _, Error) = CliRunner.Run(
            "compare", "--configs", string.Join(',', Configurations), "--sweep", "l2=0.0001,0.001,0.01",
            "--train-size", "300", "--validation-size", "300", "--epochs", "3", "--seeds", "2", "--report", HtmlPath);
    }

    public string Directory { get; }

    public string HtmlPath => Path.Combine(Directory, "report.html");

    public int Code { get; }

    public string Error { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>Opens the report in Debian's Chromium through Playwright and counts what each chart drew.</summary>
public class HtmlReportBrowserTests(SweepComparison run) : IClassFixture<SweepComparison>
{
    private const string Chromium = "/usr/bin/chromium";

    // Per chart: the plottables drawn (ScottPlot clips each plottable, and the legend, to its own group) that the
    // browser laid out at a non-zero size, the markers (the legend shows one per series with markers), and its width.
    private const string CountDrawnElements = """
        () => [...document.querySelectorAll('svg[id]')].map(svg => ({
            id: svg.id,
            plotted: [...svg.querySelectorAll('g[clip-path]')].filter(g => g.getBBox().width > 0 || g.getBBox().height > 0).length,
            markers: svg.querySelectorAll('ellipse').length,
            width: svg.getBoundingClientRect().width,
        }))
        """;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record DrawnChart(string Id, int Plotted, int Markers, double Width);

    [Fact]
    public async Task Report_InChromium_EveryChartDrewItsSeriesAndThePageLoggedNoErrors()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run eng/bootstrap.sh as root (it installs Debian's chromium).");
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.Code);
        var errors = new List<string>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(run.HtmlPath).AbsoluteUri);
        var json = await page.EvaluateAsync<JsonElement>(CountDrawnElements);
        var charts = json.Deserialize<List<DrawnChart>>(Web)!.ToDictionary(c => c.Id);

        Assert.Empty(errors);
        var rows = SweepComparison.Configurations.Length + 3;
        // The zero line, the intervals and the dots: one per configuration but the baseline.
        Assert.Equal(3, charts[HtmlReport.EffectChartId].Plotted);
        Assert.Equal(rows - 1, charts[HtmlReport.EffectChartId].Markers);
        // A dot and its label per configuration.
        Assert.Equal(rows, charts[HtmlReport.GapChartId].Markers);
        Assert.Equal(2 * rows, charts[HtmlReport.GapChartId].Plotted);
        // The baseline's panel: training and validation loss, each a line and a band; the others add the baseline's line.
        Assert.Equal(4, charts[$"{HtmlReport.CurvesChartId}-0"].Plotted);
        Assert.All(Enumerable.Range(1, rows - 1), i => Assert.Equal(5, charts[$"{HtmlReport.CurvesChartId}-{i}"].Plotted));
        // Bagging's five sizes: a band and a line with a marker per size (one series: no legend).
        Assert.Equal(2, charts[HtmlReport.EnsembleChartId].Plotted);
        Assert.Equal(5, charts[HtmlReport.EnsembleChartId].Markers);
        // none, l2 and l1 (sweep points are left to the sweep charts), and the legend.
        Assert.Equal(3 + 1, charts[HtmlReport.WeightsChartId].Plotted);
        foreach (var metric in new[] { "accuracy", "gap" })
        {
            // The baseline's level, the band and the line over three strengths, and the legend.
            var sweep = charts[$"{HtmlReport.SweepChartId}-l2-{metric}"];
            Assert.Equal(3 + 1, sweep.Plotted);
            Assert.Equal(3 + 1, sweep.Markers);
        }
        foreach (var attack in new[] { "fgsm", "pgd" })
        {
            // Accuracy at ε = 0, 0.05, 0.1 and 0.2, a marker at each, for every single-network row.
            var robust = charts[$"{HtmlReport.RobustChartId}-{attack}"];
            Assert.True(robust.Markers > 0 && robust.Markers % 4 == 0, $"{robust.Id} drew {robust.Markers} markers");
            Assert.True(robust.Plotted >= robust.Markers / 4, $"{robust.Id} plotted {robust.Plotted} series for {robust.Markers / 4} rows");
        }
        Assert.All(charts.Values, c => Assert.True(c.Width > 300, $"{c.Id} was laid out {c.Width} px wide."));
        Assert.Equal(2 + rows + 1 + 1 + 2 + 2, charts.Count);
    }
}
