using Regularizers.Cli.Experiments;
using Spectre.Console;

namespace Regularizers.Cli.Reports;

/// <summary>The comparison as a console table: one row per configuration, means over seeds.</summary>
internal static class ResultsTable
{
    /// <summary>The column headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["Configuration", "Train acc", "Test acc", "Gap", "Test loss", "Epochs", "Time (s)", "‖w‖", "|w|<1e-3", "Δ test acc vs baseline (95% CI)"];

    /// <summary>Builds the table.</summary>
    public static Table Build(Comparison comparison)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Regularizers compared[/]");
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)) { Alignment = header == "Configuration" ? Justify.Left : Justify.Right });
        }
        foreach (var row in comparison.Rows)
        {
            table.AddRow(Cells(row).Select(c => new Markup(Markup.Escape(c))).ToArray());
        }
        table.Caption(Markup.Escape(
            $"{comparison.Settings.Describe(comparison.Features, comparison.Classes)}; {comparison.DataSource}; baseline {comparison.Baseline}; total {Format.Seconds(comparison.Seconds)} s"));
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
    ];
}
