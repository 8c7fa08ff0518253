using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Regularizers.Cli.Experiments;
using Regularizers.Cli.Results;
using Regularizers.Torch.Models;

namespace Regularizers.Cli.Tests;

/// <summary>
/// Kill tests for every file the CLI writes: runs of <c>train</c> (model file and per-epoch checkpoint) and of
/// <c>compare</c> (results file, JSON and HTML reports) are killed (SIGKILL, the whole process tree) at seeded random
/// moments; after every kill each file is absent, the previous complete version or the new complete one, never a torn
/// one, and it loads.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Kills = 7;

    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Process StartCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CliApplication).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    private static void RunToTheEnd(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {error}{output.Result}");
        }
    }

    /// <summary>Start-up takes about a second here and a short run about another (longer under load): kills land before, during and after writes.</summary>
    private static void KillAtRandomMoment(Process process, Random random)
    {
        using (process)
        {
            process.WaitForExit(TimeSpan.FromMilliseconds(random.Next(500, 3500)));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit();
        }
    }

    private static Process StartTrain(string output, string checkpoint, int seed) => StartCli(
        "train", "--config", "l2", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--train-size", "300", "--validation-size", "100",
        "--epochs", "2", "--output", output, "--checkpoint", checkpoint);

    private static (int Seed, ModelSpec Network) ReadModel(string output)
    {
        var (header, model) = TrainedModelFile.Load(output);
        using (model)
        {
            Assert.Equal("l2", header.Configuration);
            Assert.InRange(header.TestAccuracy, 0.1, 1.0);
            return (header.Seed, header.Network);
        }
    }

    private static void AssertCheckpointLoads(string checkpoint, ModelSpec network)
    {
        using var module = Catalog.Find(Presets.DefaultName, "l2")!.Build(network);
        module.load(checkpoint);
        foreach (var parameter in module.parameters())
        {
            Assert.True(parameter.isfinite().all().item<bool>(), $"{checkpoint} holds a non-finite weight.");
        }
    }

    [Fact]
    public void Train_KilledAtRandomMoments_ModelAndCheckpointAreThePreviousOrTheNewCompleteFile()
    {
        var output = Path.Combine(_directory, "model.bin");
        var checkpoint = Path.Combine(_directory, "checkpoint.pt");
        RunToTheEnd(StartTrain(output, checkpoint, seed: 0));
        var (current, network) = ReadModel(output);
        AssertCheckpointLoads(checkpoint, network);
        var random = new Random(20261202);
        for (var seed = 1; seed <= Kills; seed++)
        {
            KillAtRandomMoment(StartTrain(output, checkpoint, seed), random);

            var (now, _) = ReadModel(output);
            Assert.True(now == current || now == seed, $"After killing the run with seed {seed}, the file holds seed {now}'s model; expected {current} or {seed}.");
            AssertCheckpointLoads(checkpoint, network);
            current = now;
        }
    }

    [Fact]
    public void Compare_KilledAtRandomMomentsAndResumed_ResultsAndReportsAreNeverTorn()
    {
        var json = Path.Combine(_directory, "comparison.json");
        var report = Path.Combine(_directory, "report.html");
        var results = Path.Combine(_directory, "runs.jsonl");
        string[] args = ["compare", "--configs", "none,l2", "--seeds", "3", "--train-size", "300", "--validation-size", "100", "--epochs", "2",
            "--json", json, "--report", report, "--results", results, "--resume"];
        var random = new Random(20261203);
        var finished = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            KillAtRandomMoment(StartCli(args), random);

            var runs = File.Exists(results) ? ResultsFile.Read(results).Count : 0;
            Assert.True(runs >= finished, $"After kill {kill} the results file holds {runs} complete runs; it held {finished} before.");
            finished = runs;
            AssertCompleteReports(json, report, expectedRuns: null);
        }

        RunToTheEnd(StartCli(args));

        Assert.Equal(6, ResultsFile.Read(results).Count);
        AssertCompleteReports(json, report, expectedRuns: 6);
    }

    private static void AssertCompleteReports(string json, string report, int? expectedRuns)
    {
        if (File.Exists(json))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            var runs = document.RootElement.GetProperty("configurations").EnumerateArray().Sum(c => c.GetProperty("runs").GetArrayLength());
            if (expectedRuns is { } expected)
            {
                Assert.Equal(expected, runs);
            }
        }
        else
        {
            Assert.Null(expectedRuns);
        }
        if (File.Exists(report))
        {
            Assert.EndsWith("</html>", File.ReadAllText(report).TrimEnd(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(expectedRuns);
        }
    }
}
