using System.Text.RegularExpressions;
using Regularizers.Cli.Experiments;
using Regularizers.Torch.Models;

namespace Regularizers.Cli.Tests;

/// <summary><c>--model cnn</c>: the residual CNN through train, evaluate and compare.</summary>
public sealed class CnnCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-cli-cnn-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TrainThenEvaluate_CnnWithDropPath_SavesTheCnnAndScoresTheSame()
    {
        var model = Path.Combine(_directory, "cnn.bin");

        var (trainCode, trainOut, trainError) = CliRunner.Run(
            "train", "--model", "cnn", "--config", "drop-path", "--train-size", "200", "--validation-size", "100", "--epochs", "1", "--output", model);
        var (evalCode, evalOut, _) = CliRunner.Run("evaluate", "--model", model);
        var (header, loaded) = TrainedModelFile.Load(model);
        using var _ = loaded;

        Assert.True(trainCode == 0, trainError);
        Assert.Equal(0, evalCode);
        Assert.Equal((Architecture.ResidualCnn, 784, 10), (header.Network.Architecture, header.Network.Inputs, header.Network.Outputs));
        Assert.Equal([8, 16], header.Network.Channels);
        Assert.Equal([0.05, 0.1], loaded.Members[0].children().OfType<Regularizers.Torch.Modules.ResidualBlock>().Select(b => Math.Round(b.DropPath!.p, 12)));
        var trained = Regex.Match(trainOut, @"│ drop-path +│ +0\.\d{4} │ +(0\.\d{4}) │").Groups[1].Value;
        Assert.NotEqual("", trained);
        Assert.Equal(trained, Regex.Match(evalOut, @"test accuracy (0\.\d{4})").Groups[1].Value);
    }

    [Fact]
    public void Compare_CnnDropBlockRow_RunsBesideTheBaseline()
    {
        var (code, output, error) = CliRunner.Run(
            "compare", "--model", "cnn", "--configs", "none,drop-block", "--train-size", "150", "--validation-size", "100", "--epochs", "1", "--seeds", "1");

        Assert.True(code == 0, error);
        Assert.Contains("784-conv8-conv16-64-10 ReLU", output, StringComparison.Ordinal);
        foreach (var name in new[] { "none", "drop-block" })
        {
            Assert.Matches(new Regex($@"│ {name} +│ +0\.\d{{4}} │ +0\.\d{{4}} │"), output);
        }
    }

    [Fact]
    public void Compare_DropPathWithThePerceptron_IsUnknownAndListsTheValidRows()
    {
        var (code, _, error) = CliRunner.Run("compare", "--configs", "drop-path", "--epochs", "1");

        Assert.Equal(2, code);
        Assert.Contains(
            "--configs: unknown configuration 'drop-path'. Valid values for preset default: " + string.Join(", ", Catalog.Default.Select(c => c.Name)) + ".",
            error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_UnknownModel_ExitsTwoNamingTheChoices()
    {
        var (code, _, error) = CliRunner.Run("compare", "--model", "transformer");

        Assert.Equal(2, code);
        Assert.Contains("--model must be mlp or cnn. Received: transformer.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_Convolutional_IsTheDefaultRowsThenStructuredDropout() =>
        Assert.Equal([.. Catalog.Default.Select(c => c.Name), "drop-path", "drop-block"], Catalog.Convolutional.Select(c => c.Name));
}
