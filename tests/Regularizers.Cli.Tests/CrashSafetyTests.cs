using System.Diagnostics;
using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Tests;

/// <summary>
/// Kill tests for the model file: after one complete <c>train</c>, further runs writing the same path are killed
/// (SIGKILL, the whole process tree) at seeded random moments; after every kill the file is the previous complete model
/// or the new complete one, never a torn one, and it loads.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Kills = 7;

    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Process StartTrain(string output, int seed)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[typeof(CliApplication).Assembly.Location, "train", "--config", "l2", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--train-size", "300", "--validation-size", "100", "--epochs", "2", "--output", output])
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    private static int SeedOfModelIn(string output)
    {
        var (header, model) = TrainedModelFile.Load(output);
        using (model)
        {
            Assert.Equal("l2", header.Configuration);
            Assert.InRange(header.TestAccuracy, 0.1, 1.0);
            return header.Seed;
        }
    }

    [Fact]
    public void Train_KilledAtRandomMoments_ModelFileIsThePreviousOrTheNewCompleteModel()
    {
        var output = Path.Combine(_directory, "model.bin");
        using (var first = StartTrain(output, seed: 0))
        {
            first.StandardOutput.ReadToEnd();
            first.WaitForExit();
            Assert.Equal(0, first.ExitCode);
        }
        var current = SeedOfModelIn(output);
        var random = new Random(20261202);
        for (var seed = 1; seed <= Kills; seed++)
        {
            using (var child = StartTrain(output, seed))
            {
                // Start-up takes about a second here and training and writing about another (longer under load): kills
                // land before, during and after the write.
                child.WaitForExit(TimeSpan.FromMilliseconds(random.Next(500, 3500)));
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }
                child.WaitForExit();
            }

            var now = SeedOfModelIn(output);

            Assert.True(now == current || now == seed, $"After killing the run with seed {seed}, the file holds seed {now}'s model; expected {current} or {seed}.");
            current = now;
        }
    }
}
