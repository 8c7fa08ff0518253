using System.Diagnostics;
using System.Text.Json;
using Regularizers.Cli.Results;

namespace Regularizers.Cli.Tests.Results;

/// <summary>Results files, resume, shards and merge: nothing finished is lost, nothing changed is reused.</summary>
public sealed class ResultsFileTests : IDisposable
{
    private static readonly string[] Tiny = ["compare", "--validation-size", "100", "--configs", "none,l2,inverted-dropout"];

    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-results-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    /// <summary>A tiny comparison: 300 training examples, 2 epochs and 1 seed unless <paramref name="extra"/> says otherwise.</summary>
    private static (int Code, string Out, string Error) Compare(params string[] extra)
    {
        string[] defaults = ["--train-size", "300", "--epochs", "2", "--seeds", "1"];
        var missing = Enumerable.Range(0, 3).Where(i => !extra.Contains(defaults[2 * i])).SelectMany(i => defaults[(2 * i)..((2 * i) + 2)]);
        return CliRunner.Run([.. Tiny, .. missing, .. extra]);
    }

    /// <summary>The runs of a JSON report by configuration and seed, everything but the wall times.</summary>
    private static List<string> Runs(string jsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(jsonPath));
        return document.RootElement.GetProperty("configurations").EnumerateArray()
            .SelectMany(c => c.GetProperty("runs").EnumerateArray().Select(r =>
            {
                var fields = r.EnumerateObject().Where(p => p.Name != "seconds").Select(p => $"{p.Name}={p.Value.GetRawText()}");
                return $"{c.GetProperty("name").GetString()}: {string.Join(", ", fields)}";
            }))
            .ToList();
    }

    [Theory]
    [InlineData(1, 16, 3)]
    [InlineData(2, 16, 3)]
    [InlineData(2, 6, 5)]
    [InlineData(3, 16, 3)]
    [InlineData(4, 6, 5)]
    [InlineData(7, 16, 3)]
    public void Shard_AllSlices_PartitionTheRunsAndSplitEachConfigurationEvenly(int count, int configurations, int seeds)
    {
        var runs = Enumerable.Range(0, configurations).SelectMany(c => Enumerable.Range(0, seeds).Select(s => (Configuration: c, Seed: s))).ToList();

        var owners = runs.Select(r => Enumerable.Range(1, count).Where(k => new Shard(k, count).Holds(r.Configuration, r.Seed, seeds)).ToList()).ToList();

        Assert.All(owners, o => Assert.Single(o));
        var sizes = Enumerable.Range(1, count).Select(k => owners.Count(o => o[0] == k)).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1, $"shard sizes {string.Join(", ", sizes)}");
        foreach (var c in Enumerable.Range(0, configurations))
        {
            var perShard = Enumerable.Range(1, count).Select(k => runs.Zip(owners).Count(x => x.First.Configuration == c && x.Second[0] == k)).ToList();
            Assert.True(perShard.Max() - perShard.Min() <= 1, $"configuration {c}: {string.Join(", ", perShard)}");
        }
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("2")]
    [InlineData("-1/2")]
    public void Compare_BadShard_ExitsTwoSayingWhatIsAllowed(string shard)
    {
        var (code, _, error) = Compare("--shard", shard);

        Assert.Equal(2, code);
        Assert.Equal($"--shard must be K/N with whole numbers 1 ≤ K ≤ N, e.g. 1/4. Received: {shard}.", error);
    }

    [Fact]
    public void Merge_TwoShards_EqualsTheUnshardedRun()
    {
        Assert.Equal(0, Compare("--seeds", "2", "--json", PathOf("full.json")).Code);
        Assert.Equal(0, Compare("--seeds", "2", "--shard", "1/2", "--results", PathOf("a.jsonl")).Code);
        Assert.Equal(0, Compare("--seeds", "2", "--shard", "2/2", "--results", PathOf("b.jsonl")).Code);

        var (code, _, error) = CliRunner.Run("merge", PathOf("a.jsonl"), PathOf("b.jsonl"), "--json", PathOf("merged.json"));

        Assert.Equal((0, ""), (code, error));
        Assert.Equal(3, File.ReadAllLines(PathOf("a.jsonl")).Length);
        Assert.Equal(3, File.ReadAllLines(PathOf("b.jsonl")).Length);
        Assert.Equal(6, Runs(PathOf("full.json")).Count);
        Assert.Equal(Runs(PathOf("full.json")), Runs(PathOf("merged.json")));
    }

    [Fact]
    public void Resume_MoreSeeds_RunsOnlyTheMissingOnesAndMatchesOneRun()
    {
        Assert.Equal(0, Compare("--seeds", "1", "--json", PathOf("r.json")).Code);

        var (code, output, error) = Compare("--seeds", "2", "--json", PathOf("r.json"), "--resume");
        Compare("--seeds", "2", "--json", PathOf("once.json"));

        Assert.Equal((0, "resuming: 3 of 6 runs are already in " + PathOf("r.runs.jsonl") + "."), (code, error));
        Assert.Contains("(3 run(s) reused from the results file)", output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Equal(6, File.ReadAllLines(PathOf("r.runs.jsonl")).Length);
        Assert.Equal(Runs(PathOf("once.json")), Runs(PathOf("r.json")));
    }

    [Fact]
    public void Resume_ChangedSetting_RunsAgainInsteadOfReusing()
    {
        Assert.Equal(0, Compare("--results", PathOf("r.jsonl")).Code);

        var (code, _, error) = Compare("--results", PathOf("r.jsonl"), "--resume", "--epochs", "3");

        Assert.Equal((0, ""), (code, error));
        var setups = ResultsFile.Read(PathOf("r.jsonl")).GroupBy(r => r.SetupId).ToList();
        Assert.Equal([3, 3], setups.Select(g => g.Count()));
        Assert.Equal([2, 3], setups.Select(g => g.First().Setup.Settings.Epochs));
    }

    [Fact]
    public void Compare_ResultsFileAlreadyHoldsRuns_ExitsTwoPointingAtResume()
    {
        Assert.Equal(0, Compare("--results", PathOf("r.jsonl")).Code);

        var (code, _, error) = Compare("--results", PathOf("r.jsonl"));

        Assert.Equal(2, code);
        Assert.Equal($"--results: {PathOf("r.jsonl")} already holds 3 run(s); pass --resume to keep them and run only the missing ones, or choose another file.", error);
    }

    [Fact]
    public void Compare_SameJsonTwiceWithoutResume_StartsItsResultsFileAfresh()
    {
        Assert.Equal(0, Compare("--json", PathOf("r.json")).Code);

        var (code, _, error) = Compare("--json", PathOf("r.json"), "--epochs", "1");

        Assert.Equal((0, ""), (code, error));
        Assert.Equal([1, 1, 1], ResultsFile.Read(PathOf("r.runs.jsonl")).Select(r => r.Setup.Settings.Epochs));
    }

    [Fact]
    public void Open_PartialLastLineFromAnInterruptedWrite_IsCutOffAndThatRunMadeAgain()
    {
        Assert.Equal(0, Compare("--results", PathOf("r.jsonl")).Code);
        var complete = File.ReadAllText(PathOf("r.jsonl"));
        var lines = complete.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(PathOf("r.jsonl"), string.Join('\n', lines[..2]) + "\n" + lines[2][..40]);

        var (code, _, error) = Compare("--results", PathOf("r.jsonl"), "--resume");

        Assert.Equal((0, "resuming: 2 of 3 runs are already in " + PathOf("r.jsonl") + "."), (code, error));
        var again = ResultsFile.Read(PathOf("r.jsonl"));
        Assert.Equal(["none", "l2", "inverted-dropout"], again.Select(r => r.Result.Configuration));
        Assert.Equal(JsonSerializer.Deserialize<RunRecord>(lines[2], ResultsJson.Options)!.Result.TestAccuracy, again[2].Result.TestAccuracy);
    }

    [Fact]
    public void Read_CorruptLineInTheMiddle_ThrowsNamingFileAndLine()
    {
        File.WriteAllText(PathOf("bad.jsonl"), "{not json}\n{}\n");

        var (code, _, error) = CliRunner.Run("merge", PathOf("bad.jsonl"));

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {PathOf("bad.jsonl")}, line 1: not a run record of 'regularizers compare'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_FilesOfDifferentSetups_ExitsOneNamingBoth()
    {
        Compare("--results", PathOf("a.jsonl"));
        Compare("--results", PathOf("b.jsonl"), "--epochs", "1");

        var (code, _, error) = CliRunner.Run("merge", PathOf("a.jsonl"), PathOf("b.jsonl"));

        Assert.Equal(1, code);
        Assert.Contains("the files hold runs of 2 different setups (settings or data differ), which cannot share a table", error, StringComparison.Ordinal);
        Assert.Contains("2 epochs", error, StringComparison.Ordinal);
        Assert.Contains("1 epochs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_AfterTheProcessIsKilledMidComparison_GivesTheRunsOfAnUninterruptedOne()
    {
        var cli = typeof(CliApplication).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] slow = ["--train-size", "1000", "--seeds", "2", "--epochs", "30"];
        foreach (var arg in (string[])[cli, .. Tiny, .. slow, "--results", PathOf("killed.jsonl")])
        {
            start.ArgumentList.Add(arg);
        }
        using (var child = Process.Start(start)!)
        {
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(PathOf("killed.jsonl")) && File.ReadAllLines(PathOf("killed.jsonl")).Length >= 2) && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(20);
            }
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        var survived = ResultsFile.Read(PathOf("killed.jsonl")).Count;

        var (code, _, _) = Compare([.. slow, "--results", PathOf("killed.jsonl"), "--resume", "--json", PathOf("resumed.json")]);
        Compare([.. slow, "--json", PathOf("once.json")]);

        Assert.Equal(0, code);
        Assert.InRange(survived, 2, 5);
        Assert.Equal(6, File.ReadAllLines(PathOf("killed.jsonl")).Length);
        Assert.Equal(Runs(PathOf("once.json")), Runs(PathOf("resumed.json")));
    }
}
