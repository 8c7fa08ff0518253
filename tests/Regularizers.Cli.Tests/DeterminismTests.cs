using System.Diagnostics;

namespace Regularizers.Cli.Tests;

/// <summary>
/// The determinism matrix's cross-process half: <c>train</c> run in two separate processes with the same seed writes
/// byte-identical model files (weights, header with its test accuracy, checksum), for configurations whose randomness
/// comes from different places: dropout masks, weight noise, the in-place L1 path, and bagging's bootstrap samples.
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-determinism-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private byte[] TrainInChildProcess(string configuration, string name)
    {
        var output = Path.Combine(_directory, name);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[typeof(CliApplication).Assembly.Location, "train", "--config", configuration, "--seed", "3",
                     "--train-size", "400", "--validation-size", "200", "--epochs", "2", "--output", output])
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start)!;
        var error = child.StandardError.ReadToEndAsync();
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Assert.True(child.ExitCode == 0, $"train --config {configuration} exited {child.ExitCode}: {error.Result}");
        return File.ReadAllBytes(output);
    }

    [Theory]
    [InlineData("inverted-dropout")]
    [InlineData("weight-noise")]
    [InlineData("l1")]
    [InlineData("bagging")]
    [InlineData("mixup")]
    [InlineData("pgd-training")]
    [InlineData("r-drop")]
    public void Train_SameSeedInTwoProcesses_ByteIdenticalModelFiles(string configuration)
    {
        var first = TrainInChildProcess(configuration, "first.bin");
        var second = TrainInChildProcess(configuration, "second.bin");

        Assert.True(first.Length > 10_000, $"The model file has only {first.Length} bytes.");
        Assert.Equal(first, second);
    }
}
