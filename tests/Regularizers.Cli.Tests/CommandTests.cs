using System.Globalization;
using System.Text.RegularExpressions;

namespace Regularizers.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("l2")]
    [InlineData("bagging")]
    public void TrainThenEvaluate_SameTestAccuracy(string configuration)
    {
        var model = Path.Combine(_directory, configuration + ".bin");

        var (trainCode, trainOut, _) = CliRunner.Run("train", "--config", configuration, "--train-size", "400", "--validation-size", "200", "--epochs", "1", "--output", model);
        var (evalCode, evalOut, _) = CliRunner.Run("evaluate", "--model", model);

        Assert.Equal(0, trainCode);
        Assert.Equal(0, evalCode);
        var trained = Regex.Match(trainOut, $@"│ {configuration} +│ +0\.\d{{4}} │ +(0\.\d{{4}}) │").Groups[1].Value;
        var evaluated = Regex.Match(evalOut, @"test accuracy (0\.\d{4})").Groups[1].Value;
        Assert.NotEqual("", trained);
        Assert.Equal(trained, evaluated);
        var perClass = Regex.Matches(evalOut, @"│ (\d) +│ +1000 │ +(0\.\d{4}|1\.0000) │");
        Assert.Equal(10, perClass.Count);
        var mean = perClass.Average(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(double.Parse(evaluated, CultureInfo.InvariantCulture), mean, 3);
    }

    [Fact]
    public void Train_CheckpointOfABaggingConfiguration_ExitsTwoNamingTheOption()
    {
        var (code, _, error) = CliRunner.Run("train", "--config", "bagging", "--output", Path.Combine(_directory, "m.bin"), "--checkpoint", Path.Combine(_directory, "c.pt"));

        Assert.Equal(2, code);
        Assert.StartsWith("--checkpoint: configuration 'bagging' trains 5 networks; a checkpoint holds one.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_UnexpectedExceptionWhileWriting_ExitsOneWithOneLineAndTheTraceInAFile()
    {
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(new BrokenWriter()) });
        var error = new StringWriter();
        var context = new Regularizers.Cli.Commands.CliContext(console, error, Interactive: false, CancellationToken.None);

        var code = CliApplication.Run(
            ["train", "--train-size", "200", "--validation-size", "100", "--epochs", "1", "--output", Path.Combine(_directory, "m.bin")], context, TextWriter.Null);

        Assert.Equal(1, code);
        var match = Regex.Match(error.ToString().Trim(), @"^error: unexpected InvalidOperationException: the console is gone\. This is a bug in regularizers; please report it with (\S+)\.$");
        Assert.True(match.Success, error.ToString());
        var trace = File.ReadAllText(match.Groups[1].Value);
        File.Delete(match.Groups[1].Value);
        Assert.StartsWith("regularizers train --train-size 200", trace, StringComparison.Ordinal);
        Assert.Contains("BrokenWriter", trace, StringComparison.Ordinal);
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("the console is gone.");

        public override void Write(char value) => throw new InvalidOperationException("the console is gone.");
    }

    [Fact]
    public void Evaluate_ForeignFile_ExitsOneSayingSo()
    {
        var path = Path.Combine(_directory, "foreign.bin");
        File.WriteAllText(path, "not a model");

        var (code, _, error) = CliRunner.Run("evaluate", "--model", path);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {path} is not a model file of Regularizers.Torch (it does not start with \"Regularizers.Torch.Model\").", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TruncatedModel_ExitsOneSayingSo()
    {
        var model = Path.Combine(_directory, "model.bin");
        Assert.Equal(0, CliRunner.Run("train", "--train-size", "200", "--validation-size", "100", "--epochs", "1", "--output", model).Code);
        var bytes = File.ReadAllBytes(model);
        File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);

        var (code, _, error) = CliRunner.Run("evaluate", "--model", model);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {model} is truncated or corrupt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_CancelledBeforeTheFirstBatch_ExitsOneAndReportsNothingFinished()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var (code, output, error) = CliRunner.Run(cancelled.Token, "compare", "--train-size", "200", "--validation-size", "100", "--epochs", "1", "--seeds", "3", "--configs", "none,l2");

        Assert.Equal(1, code);
        Assert.Equal("interrupted: 0 of 6 runs finished; the table shows those.", error);
        Assert.Contains("Regularizers compared", output, StringComparison.Ordinal);
        Assert.Contains("interrupted: 0 runs finished, only those are shown", string.Join(" ", output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
