using System.Text.Json;
using System.Text.RegularExpressions;
using Regularizers.Cli.Experiments;
using Regularizers.Cli.Reports;

namespace Regularizers.Cli.Tests;

/// <summary>One tiny comparison of every default configuration, shared by the assertions below.</summary>
public sealed class TinyComparison : IDisposable
{
    public TinyComparison()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("regularizers-cli-").FullName;
        (Code, Out, Error) = CliRunner.Run(
            "compare", "--train-size", "500", "--validation-size", "500", "--epochs", "2", "--seeds", "2",
            "--report", HtmlPath, "--json", JsonPath);
    }

    public string Directory { get; }

    public string HtmlPath => Path.Combine(Directory, "report.html");

    public string JsonPath => Path.Combine(Directory, "results.json");

    public int Code { get; }

    public string Out { get; }

    public string Error { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

public class CompareEndToEndTests(TinyComparison run) : IClassFixture<TinyComparison>
{
    [Fact]
    public void Compare_TinyRun_ExitsZeroWithARowPerConfiguration()
    {
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Error);
        foreach (var configuration in Catalog.Default)
        {
            Assert.Matches(new Regex($@"│ {Regex.Escape(configuration.Name)} +│ +0\.\d{{4}} │ +0\.\d{{4}} │"), run.Out);
        }
        Assert.Contains("│                        baseline │", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TinyRun_WritesJsonWithEveryRunAndCurve()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(run.JsonPath));
        var root = json.RootElement;
        var configurations = root.GetProperty("configurations").EnumerateArray().ToList();

        Assert.Equal("default", root.GetProperty("preset").GetString());
        Assert.Equal(500, root.GetProperty("settings").GetProperty("trainSize").GetInt32());
        Assert.Equal("cpu", root.GetProperty("settings").GetProperty("device").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("settings").GetProperty("featureScale").ValueKind);
        Assert.Equal(Catalog.Default.Select(c => c.Name), configurations.Select(c => c.GetProperty("name").GetString()));
        foreach (var configuration in configurations)
        {
            var runs = configuration.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal([0, 1], runs.Select(r => r.GetProperty("seed").GetInt32()));
            foreach (var r in runs)
            {
                var epochs = r.GetProperty("epochs").GetInt32();
                Assert.InRange(epochs, 1, 2);
                Assert.Equal(epochs, r.GetProperty("trainLoss").GetArrayLength());
                Assert.Equal(epochs, r.GetProperty("validationLoss").GetArrayLength());
                Assert.InRange(r.GetProperty("testAccuracy").GetDouble(), 0.0, 1.0);
            }
        }
        // Eight SGD steps on 500 images already beat chance (0.1) clearly.
        Assert.InRange(configurations[0].GetProperty("summary").GetProperty("testAccuracy").GetDouble(), 0.2, 1.0);
        var bagging = configurations.Single(c => c.GetProperty("name").GetString() == "bagging");
        Assert.Equal(5, bagging.GetProperty("runs")[0].GetProperty("ensembleAccuracyBySize").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, configurations[0].GetProperty("summary").GetProperty("deltaTestAccuracy").ValueKind);
    }

    [Fact]
    public void Compare_TinyRun_HtmlHasEveryChart()
    {
        var html = File.ReadAllText(run.HtmlPath);

        var ids = Regex.Matches(html, "<svg id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var curves = Enumerable.Range(0, Catalog.Default.Count).Select(i => $"{HtmlReport.CurvesChartId}-{i}");
        Assert.Equal([HtmlReport.EffectChartId, HtmlReport.GapChartId, .. curves, HtmlReport.EnsembleChartId, HtmlReport.WeightsChartId, $"{HtmlReport.RobustChartId}-fgsm", $"{HtmlReport.RobustChartId}-pgd"], ids);
        // One file that works offline: nothing is fetched (the SVG namespaces are names, not fetched).
        Assert.DoesNotMatch("(src|href)=\"[a-z]+:", html);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TinyRun_AttacksSingleNetworksOnlyAndPgdNeverBeatsClean()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(run.JsonPath));
        var runs = json.RootElement.GetProperty("configurations").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("runs")[0]);

        foreach (var (name, r) in runs.Where(x => x.Key != "bagging"))
        {
            var robust = r.GetProperty("robust");
            var clean = robust.GetProperty("clean").GetDouble();
            Assert.Equal([0.05, 0.1, 0.2], robust.GetProperty("epsilons").EnumerateArray().Select(e => e.GetDouble()));
            var pgd = robust.GetProperty("pgd").EnumerateArray().Select(e => e.GetDouble()).ToList();
            Assert.All(pgd, a => Assert.InRange(a, 0, clean));
            Assert.True(pgd[2] <= pgd[0], $"{name}: PGD accuracy rose from {pgd[0]} at ε = 0.05 to {pgd[2]} at ε = 0.2");
        }
        Assert.Equal(JsonValueKind.Null, runs["bagging"].GetProperty("robust").ValueKind);
        Assert.Contains("│             – │", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TinyRun_IdenticalRowsForEarlyStoppingThatNeverFires()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(run.JsonPath));
        var rows = json.RootElement.GetProperty("configurations").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("runs")[0]);

        // With 2 epochs and patience 3 nothing can stop, so the run is the baseline's: same seed, same weights, same batches.
        Assert.Equal(rows["none"].GetProperty("testAccuracy").GetDouble(), rows["early-stopping"].GetProperty("testAccuracy").GetDouble());
    }

    [Fact]
    public void Compare_TinyRun_AveragingRowsTrainAsBaselineAndSamDoesNot()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(run.JsonPath));
        var rows = json.RootElement.GetProperty("configurations").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("runs")[0]);
        double[] Series(string row, string name) => rows[row].GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

        // EMA only watches: the training trajectory is the baseline's, but validation and the final model are the average's.
        Assert.Equal(Series("none", "trainLoss"), Series("ema", "trainLoss"));
        Assert.NotEqual(Series("none", "validationLoss"), Series("ema", "validationLoss"));
        Assert.NotEqual(rows["none"].GetProperty("testLoss").GetDouble(), rows["ema"].GetProperty("testLoss").GetDouble());
        // SWA starts at epoch ⌊2·2/3⌋ + 1 = 2 at the starting rate, so its one averaged epoch is the baseline's last.
        Assert.Equal(rows["none"].GetProperty("testLoss").GetDouble(), rows["swa"].GetProperty("testLoss").GetDouble());
        // SAM steps with the gradient at the perturbed weights: another trajectory from the first step on.
        Assert.NotEqual(Series("none", "trainLoss")[1], Series("sam", "trainLoss")[1]);
    }
}
