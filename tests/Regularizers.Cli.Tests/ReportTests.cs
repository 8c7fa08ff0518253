using Regularizers.Cli.Experiments;
using Regularizers.Cli.Reports;

namespace Regularizers.Cli.Tests;

public class ReportTests
{
    private static RunResult Result(string name, int seed, double testAccuracy) =>
        new(name, seed, 0.9, testAccuracy, 0.5, 3, 1.0, 10, 0.1, [1.0, 0.8, 0.7], [1.1, 0.9, 0.85], [testAccuracy], null);

    [Fact]
    public void Summarize_ThreeSeeds_PairsDifferencesWithStudentT()
    {
        Configuration[] configurations = [Catalog.None, new("l2", "test")];
        RunResult[] results =
        [
            Result("none", 0, 0.80), Result("none", 1, 0.82), Result("none", 2, 0.81),
            Result("l2", 0, 0.81), Result("l2", 1, 0.84), Result("l2", 2, 0.81),
        ];

        var rows = ConfigurationSummary.Summarize(configurations, results, "none");

        Assert.Null(rows[0].DeltaTestAccuracy);
        var delta = rows[1].DeltaTestAccuracy!.Value;
        // Differences 0.01, 0.02, 0.00: mean 0.01, s = 0.01, t(0.975, 2) = 4.302653.
        Assert.Equal(0.01, delta.Center, 12);
        Assert.Equal(4.302653 * 0.01 / Math.Sqrt(3), delta.HalfWidth, 6);
        Assert.Equal("+0.0100 ± 0.0248", Format.Delta(delta));
    }

    [Fact]
    public void Summarize_OneSeed_SaysSo()
    {
        var rows = ConfigurationSummary.Summarize([Catalog.None, new("l1", "test")], [Result("none", 0, 0.8), Result("l1", 0, 0.79)], "none");

        Assert.Equal("-0.0100 (1 seed)", Format.Delta(rows[1].DeltaTestAccuracy));
        Assert.Equal("baseline", Format.Delta(rows[0].DeltaTestAccuracy));
    }

    [Fact]
    public void Compare_EightyColumnConsole_TableKeepsTheComparisonColumnsWithinTheWidth()
    {
        var (code, output, _) = CliRunner.RunAtWidth(80, "compare", "--configs", "none,l2", "--seeds", "1", "--epochs", "1", "--train-size", "400", "--validation-size", "200");

        Assert.Equal(0, code);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.InRange(l.Length, 0, 80));
        var header = Assert.Single(lines, l => l.Contains("Configuration", StringComparison.Ordinal));
        Assert.Equal(["Configuration", "Test acc", "Gap", "Δ test acc vs baseline (95% CI)"], header.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
