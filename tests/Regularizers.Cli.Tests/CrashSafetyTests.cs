using System.Diagnostics;
using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Tests;

/// <summary>
/// Kill tests for the model file: <c>train</c> is killed (SIGKILL, the whole process tree) at seeded random moments,
/// over and over, while it trains towards and writes the same output path; after every kill the file is either absent
/// (nothing finished yet) or a complete model that loads and scores, never a torn one.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Kills = 8;

    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Train_KilledAtRandomMoments_ModelFileIsAlwaysAbsentOrComplete()
    {
        var output = Path.Combine(_directory, "model.bin");
        var random = new Random(20261202);
        var loaded = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])[typeof(CliApplication).Assembly.Location, "train", "--config", "l2", "--seed", kill.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "--train-size", "300", "--validation-size", "100", "--epochs", "2", "--output", output])
            {
                start.ArgumentList.Add(arg);
            }
            using (var child = Process.Start(start)!)
            {
                // Start-up alone takes about a second here, training and writing about another: kills land before,
                // during and after the write.
                child.WaitForExit(TimeSpan.FromMilliseconds(random.Next(500, 3500)));
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }
                child.WaitForExit();
            }
            if (File.Exists(output))
            {
                var (header, model) = TrainedModelFile.Load(output);
                using (model)
                {
                    Assert.Equal("l2", header.Configuration);
                    Assert.InRange(header.TestAccuracy, 0.1, 1.0);
                }
                loaded++;
            }
        }

        // The seeded delays let at least one run finish, so the check above ran on a real file.
        Assert.InRange(loaded, 1, Kills);
    }
}
