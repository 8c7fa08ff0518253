using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Tests;

public class ArgumentTests
{
    [Theory]
    [InlineData("--epochs", "0", "--epochs must be at least 1. Received: 0.")]
    [InlineData("--seeds", "-2", "--seeds must be at least 1. Received: -2.")]
    [InlineData("--train-size", "0", "--train-size must be at least 1. Received: 0.")]
    [InlineData("--learning-rate", "0", "--learning-rate must be a finite number greater than 0. Received: 0.")]
    [InlineData("--learning-rate", "NaN", "--learning-rate must be a finite number greater than 0. Received: NaN.")]
    [InlineData("--preset", "mnist", "--preset must be one of: default, large, seed004. Received: mnist.")]
    [InlineData("--epochs", "abc", "--epochs must be a whole number. Received: abc.")]
    [InlineData("--seeds", "2.5", "--seeds must be a whole number. Received: 2.5.")]
    [InlineData("--learning-rate", "fast", "--learning-rate must be a number such as 0.05. Received: fast.")]
    [InlineData("--device", "tpu", "--device must be cpu, cuda or cuda:N. Received: tpu.")]
    [InlineData("--device", "cuda:one", "--device must be cpu, cuda or cuda:N. Received: cuda:one.")]
    public void Compare_InvalidOption_ExitsTwoWithExactMessage(string option, string value, string message)
    {
        var (code, _, error) = CliRunner.Run("compare", option, value);

        Assert.Equal(2, code);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Compare_CudaWithTorchSharpCpu_ExitsTwoSayingWhatAGpuRunNeeds()
    {
        Assert.False(TorchSharp.torch.cuda.is_available(), "This test is about a machine without CUDA, as the CI machine is.");

        var (code, _, error) = CliRunner.Run("compare", "--device", "cuda");

        Assert.Equal(2, code);
        Assert.Equal(
            "--device cuda: CUDA is not available to TorchSharp here. A GPU run needs an NVIDIA driver and TorchSharp's CUDA package " +
            "(TorchSharp-cuda-linux or TorchSharp-cuda-windows) in place of TorchSharp-cpu; use --device cpu otherwise.",
            error);
    }

    [Fact]
    public void Train_UnknownConfiguration_NamesTheConfigOptionAndListsTheValidOnes()
    {
        var (code, _, error) = CliRunner.Run("train", "--config", "bogus", "--output", Path.Combine(Path.GetTempPath(), "never-written.bin"));

        Assert.Equal(2, code);
        Assert.Equal(
            "--config: unknown configuration 'bogus'. Valid values for preset default: " + string.Join(", ", Catalog.Default.Select(c => c.Name)) +
            ", or a sweep point such as l2@0.001.",
            error);
    }

    [Fact]
    public void Compare_UnknownConfiguration_ListsTheValidOnes()
    {
        var (code, _, error) = CliRunner.Run("compare", "--configs", "none,l3");

        Assert.Equal(2, code);
        Assert.Equal(
            "--configs: unknown configuration 'l3'. Valid values for preset default: " + string.Join(", ", Catalog.Default.Select(c => c.Name)) + ".",
            error);
    }

    [Fact]
    public void Compare_UnknownConfigurationOfSeedPreset_ListsThePresetsFour()
    {
        var (code, _, error) = CliRunner.Run("compare", "--preset", "seed004", "--configs", "l1");

        Assert.Equal(2, code);
        Assert.Equal("--configs: unknown configuration 'l1'. Valid values for preset seed004: none, l2, bagging, inverted-dropout.", error);
    }

    [Fact]
    public void Compare_TrainSizeBeyondTheData_GivesTheAllowedRange()
    {
        var (code, _, error) = CliRunner.Run("compare", "--train-size", "60000", "--configs", "none");

        Assert.Equal(2, code);
        Assert.Equal(
            "--train-size must be between 1 and 55000 for this data set (60000 training examples, 5000 held out for validation). Received: 60000.",
            error);
    }

    [Fact]
    public void Compare_MissingDataPath_ExitsTwoNamingIt()
    {
        var (code, _, error) = CliRunner.Run("compare", "--data", "/nonexistent/fashion");

        Assert.Equal(2, code);
        Assert.Equal("--data /nonexistent/fashion does not exist: pass a directory of IDX files or a CSV file.", error);
    }

    [Fact]
    public void Compare_DirectoryWithoutIdxFiles_ExitsOneWithOneSentence()
    {
        var directory = Directory.CreateTempSubdirectory("regularizers-cli-").FullName;
        try
        {
            var (code, _, error) = CliRunner.Run("compare", "--data", directory);

            Assert.Equal(1, code);
            Assert.Equal(
                $"error: {directory} has no train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]: pass a directory with those four files or a CSV file.",
                error);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Train_WithoutOutput_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("train", "--config", "l2");

        Assert.Equal(2, code);
        Assert.Equal("Option '--output' is required.", error);
    }

    [Fact]
    public void Evaluate_MissingModel_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("evaluate", "--model", "/nonexistent/model.bin");

        Assert.Equal(2, code);
        Assert.Equal("--model /nonexistent/model.bin does not exist.", error);
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        var (code, _, _) = CliRunner.Run("fit");

        Assert.Equal(2, code);
    }

    [Fact]
    public void CompareHelp_ListsEveryConfigurationName()
    {
        var (code, output, _) = CliRunner.Run("compare", "--help");

        Assert.Equal(0, code);
        var flat = string.Join(" ", output.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.All(Regularizers.Cli.Experiments.Catalog.Convolutional, c => Assert.Contains(c.Name, flat, StringComparison.Ordinal));
        Assert.Contains("Families: l2 (λ ≥ 0), l1 (λ ≥ 0), dropout (0 ≤ p < 1)", flat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--report")]
    [InlineData("--json")]
    [InlineData("--results")]
    public void Compare_OutputInAMissingFolder_ExitsTwoBeforeTraining(string option)
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "out.file");

        var (code, output, error) = CliRunner.Run("compare", "--train-size", "100", "--epochs", "1", option, path);

        Assert.Equal(2, code);
        Assert.Equal($"{option}: cannot write {path}: the folder {Path.GetDirectoryName(path)} does not exist.", error);
        Assert.DoesNotContain("Regularizers compared", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_OutputIsAFolder_ExitsTwoSayingSo()
    {
        var folder = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar);

        var (code, _, error) = CliRunner.Run("train", "--config", "l2", "--output", folder);

        Assert.Equal((2, $"--output: {folder} is a folder; give a file name."), (code, error));
    }
}
