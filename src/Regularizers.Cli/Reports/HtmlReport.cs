using System.Net;
using System.Text;
using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Reports;

/// <summary>
/// The comparison as one self-contained HTML page (no scripts, no external resources): the table, the training and
/// validation loss of every configuration per epoch, and test accuracy against ensemble size for the bagged rows.
/// </summary>
internal static class HtmlReport
{
    /// <summary>The id of the training-loss chart.</summary>
    public const string TrainLossChartId = "train-loss";

    /// <summary>The id of the validation-loss chart.</summary>
    public const string ValidationLossChartId = "validation-loss";

    /// <summary>The id of the ensemble-size chart.</summary>
    public const string EnsembleChartId = "ensemble-size";

    /// <summary>Renders the page.</summary>
    public static string Render(Comparison comparison)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Regularizers compared</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append("th{background:#f3f3f3}td{white-space:nowrap}td.desc{text-align:left;color:#555;font-size:90%;white-space:normal}figure{margin:1.5em 0}")
            .Append("</style></head><body><h1>Regularizers compared</h1>");
        html.Append("<p>").Append(Encode(comparison.Settings.Describe(comparison.Features, comparison.Classes))).Append(". Data: ")
            .Append(Encode(comparison.DataSource)).Append(". Differences are to <b>").Append(Encode(comparison.Baseline))
            .Append("</b>, paired by seed, with a Student-t 95% interval. Total time ").Append(Format.Seconds(comparison.Seconds)).Append(" s.");
        if (comparison.Interrupted)
        {
            html.Append(" <b>Interrupted:</b> only the runs that finished are shown.");
        }
        html.Append("</p><table><thead><tr>");
        foreach (var header in ResultsTable.Headers.Append("What it adds"))
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in comparison.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in ResultsTable.Cells(row))
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }
            html.Append("<td class=\"desc\">").Append(Encode(row.Configuration.Description)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        Figure(html, SvgLineChart.Render(TrainLossChartId, "Training loss per epoch (as optimised: penalties and smoothing included)", "epoch", "loss",
            comparison.Rows.Select(r => (r.Configuration.Name, MeanSeries(r.Runs.Select(x => x.TrainLoss)))).ToList()));
        Figure(html, SvgLineChart.Render(ValidationLossChartId, "Validation cross-entropy per epoch (eval mode)", "epoch", "loss",
            comparison.Rows.Select(r => (r.Configuration.Name, MeanSeries(r.Runs.Select(x => x.ValidationLoss)))).ToList()));
        var ensembles = comparison.Rows.Where(r => r.Configuration.BaggingMembers > 0).ToList();
        if (ensembles.Count > 0)
        {
            Figure(html, SvgLineChart.Render(EnsembleChartId, "Test accuracy against ensemble size", "members", "test accuracy",
                ensembles.Select(r => (r.Configuration.Name, MeanSeries(r.Runs.Select(x => x.EnsembleAccuracyBySize)))).ToList()));
        }
        else
        {
            html.Append("<p>No bagging configuration was compared, so there is no ensemble-size curve.</p>");
        }
        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>The element-wise mean of several series over the positions they share.</summary>
    public static IReadOnlyList<double> MeanSeries(IEnumerable<IReadOnlyList<double>> series)
    {
        var all = series.ToList();
        var length = all.Count == 0 ? 0 : all.Min(s => s.Count);
        return Enumerable.Range(0, length).Select(i => all.Average(s => s[i])).ToArray();
    }

    private static void Figure(StringBuilder html, string svg) => html.Append("<figure>").Append(svg).Append("</figure>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
