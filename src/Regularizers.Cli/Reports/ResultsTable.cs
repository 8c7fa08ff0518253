using Regularizers.Cli.Experiments;
using Spectre.Console;

namespace Regularizers.Cli.Reports;

/// <summary>The comparison as a console table: one row per configuration, means over seeds.</summary>
internal static class ResultsTable
{
    /// <summary>The column headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["Configuration", "Train acc", "Test acc", "Gap", "Test loss", "Epochs", "Time (s)", "‖w‖", "|w|<1e-3", "Δ test acc vs baseline (95% CI)", "PGD acc ε=0.1"];

    /// <summary>The console width the full table needs; narrower consoles get <see cref="CompactColumns"/> only.</summary>
    public const int FullWidth = 168;

    /// <summary>The columns that carry the comparison: configuration, test accuracy, gap and the difference to the baseline.</summary>
    public static IReadOnlyList<int> CompactColumns { get; } = [0, 2, 3, 9];

    /// <summary>Builds the table for a console <paramref name="width"/> columns wide.</summary>
    public static Table Build(Comparison comparison, int width = FullWidth)
    {
        var columns = width >= FullWidth ? Enumerable.Range(0, Headers.Count).ToList() : CompactColumns;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Regularizers compared[/]");
        foreach (var header in columns.Select(c => Headers[c]))
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)) { Alignment = header == "Configuration" ? Justify.Left : Justify.Right });
        }
        foreach (var row in comparison.Rows)
        {
            var cells = Cells(row);
            table.AddRow(columns.Select(c => new Markup(Markup.Escape(cells[c]))).ToArray());
        }
        var interrupted = comparison.Interrupted ? $"; interrupted: {comparison.Rows.Sum(r => r.Runs.Count)} runs finished, only those are shown" : "";
        table.Caption(Markup.Escape(
            $"{comparison.Settings.Describe(comparison.Features, comparison.Classes)}; {comparison.DataSource}; baseline {comparison.Baseline}; {comparison.TotalText}{interrupted}"));
        return table;
    }

    /// <summary>The text of one row's cells, shared with the HTML report.</summary>
    public static IReadOnlyList<string> Cells(ConfigurationSummary row) =>
    [
        row.Configuration.Name,
        Format.Value(row.Mean(r => r.TrainAccuracy)),
        Format.Value(row.Mean(r => r.TestAccuracy)),
        Format.Signed(row.Mean(r => r.Gap)),
        Format.Value(row.Mean(r => r.TestLoss)),
        Format.Epochs(row.Mean(r => r.Epochs)),
        Format.Seconds(row.Mean(r => r.Seconds)),
        Format.Norm(row.Mean(r => r.WeightNorm)),
        Format.Percent(row.Mean(r => r.Sparsity)),
        Format.Delta(row.DeltaTestAccuracy),
        row.Runs.All(r => r.Robust is not null) ? Format.Value(row.Mean(r => r.Robust!.PgdAtTableEpsilon)) : "–",
    ];
}
