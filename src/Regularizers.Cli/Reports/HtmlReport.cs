using System.Net;
using System.Text;
using Regularizers.Cli.Experiments;
using Regularizers.Cli.Reports.Charts;

namespace Regularizers.Cli.Reports;

/// <summary>
/// The comparison as one self-contained HTML page (no scripts, no external resources, charts as inline SVG): the
/// table; each configuration's effect on test accuracy with its interval; generalization gap against test accuracy;
/// training and validation curves as small multiples; accuracy against ensemble size; the weight magnitudes under the
/// weight penalties; and test accuracy and gap against strength for each sweep.
/// </summary>
internal static class HtmlReport
{
    /// <summary>The id of the effect chart.</summary>
    public const string EffectChartId = "effect";

    /// <summary>The id of the gap-against-accuracy chart.</summary>
    public const string GapChartId = "gap";

    /// <summary>The id prefix of the curve panels (one per configuration: <c>curves-0</c>, <c>curves-1</c>, …).</summary>
    public const string CurvesChartId = "curves";

    /// <summary>The id of the ensemble-size chart.</summary>
    public const string EnsembleChartId = "ensemble-size";

    /// <summary>The id of the weight-magnitude chart.</summary>
    public const string WeightsChartId = "weights";

    /// <summary>The id prefix of the robust-accuracy charts (<c>robust-fgsm</c>, <c>robust-pgd</c>).</summary>
    public const string RobustChartId = "robust";

    /// <summary>The id prefix of the sweep charts (<c>sweep-l2-accuracy</c>, <c>sweep-l2-gap</c>, …).</summary>
    public const string SweepChartId = "sweep";

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1250px}table{border-collapse:collapse;margin:1em 0}" +
        "th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}" +
        "th{background:#f3f3f3}td{white-space:nowrap}td.desc{text-align:left;color:#555;font-size:90%;white-space:normal}" +
        "figure{margin:1em 0}figcaption{color:#444;max-width:760px;margin-top:.3em}.panels{display:flex;flex-wrap:wrap;gap:8px}" +
        "h2{margin-top:1.6em}";

    /// <summary>Renders the page.</summary>
    public static string Render(Comparison comparison)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Regularizers compared</title><style>")
            .Append(Style).Append("</style></head><body><h1>Regularizers compared</h1>");
        html.Append("<p>").Append(Encode(comparison.Settings.Describe(comparison.Features, comparison.Classes))).Append(". Data: ")
            .Append(Encode(comparison.DataSource)).Append(". Differences are to <b>").Append(Encode(comparison.Baseline))
            .Append("</b>, paired by seed, with a Student-t 95% interval; ").Append(Encode(comparison.TotalText)).Append('.');
        if (comparison.Interrupted)
        {
            html.Append(" <b>Interrupted:</b> only the runs that finished are shown.");
        }
        html.Append("</p>");
        Table(html, comparison);
        Effect(html, comparison);
        Gap(html, comparison);
        Curves(html, comparison);
        Ensembles(html, comparison);
        Weights(html, comparison);
        Robust(html, comparison);
        Sweeps(html, comparison);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Table(StringBuilder html, Comparison comparison)
    {
        html.Append("<table><thead><tr>");
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
    }

    private static void Effect(StringBuilder html, Comparison comparison)
    {
        var estimates = comparison.Rows
            .Where(r => r.DeltaTestAccuracy is not null)
            .Select(r => (r.Configuration.Name, Delta: r.DeltaTestAccuracy!.Value))
            .Select(x => new IntervalEstimate(x.Name, 100 * x.Delta.Center, 100 * x.Delta.Lower, 100 * x.Delta.Upper))
            .ToList();
        html.Append("<h2>Effect on test accuracy</h2>");
        if (estimates.Count == 0)
        {
            html.Append("<p>Only the baseline ran, so there is no difference to show.</p>");
            return;
        }
        Figure(html, IntervalChart.Create($"Δ test accuracy vs {comparison.Baseline} (percentage points)", estimates).Svg(EffectChartId),
            "Mean difference to the baseline over the seeds, paired by seed, with its Student-t 95% interval (no bar with one seed). " +
            "A bar clear of the grey zero line is a difference the seeds agree on.");
    }

    private static void Gap(StringBuilder html, Comparison comparison)
    {
        var points = comparison.Rows
            .OrderBy(r => r.Configuration.Name == comparison.Baseline ? 0 : 1)
            .Select(r => new LabeledPoint(r.Configuration.Name, 100 * r.Mean(x => x.TestAccuracy), 100 * r.Mean(x => x.Gap)))
            .ToList();
        html.Append("<h2>Generalization gap against test accuracy</h2>");
        Figure(html, ScatterChart.Create("test accuracy (%)", "gap: train − test accuracy (points)", points,
                firstIsReference: comparison.Rows.Any(r => r.Configuration.Name == comparison.Baseline)).Svg(GapChartId),
            "Means over the seeds; the baseline in grey. Down and to the right is better: a smaller gap with a higher test accuracy.");
    }

    private static void Curves(StringBuilder html, Comparison comparison)
    {
        var baseline = comparison.Rows.FirstOrDefault(r => r.Configuration.Name == comparison.Baseline);
        var reference = baseline is null
            ? null
            : Series.MeanOf($"{baseline.Configuration.Name} validation", baseline.Runs.Select(r => r.ValidationLoss)) with { Low = null, High = null, IsReference = true };
        html.Append("<h2>Training curves</h2><div class=\"panels\">");
        foreach (var (row, index) in comparison.Rows.Select((r, i) => (r, i)))
        {
            var chart = new LineChart("epoch", "loss (nats)", row.Configuration.Name) { ShowLegend = false };
            if (reference is not null && row != baseline)
            {
                chart.Add(reference);
            }
            chart.Add(Series.MeanOf("training loss", row.Runs.Select(r => r.TrainLoss)));
            chart.Add(Series.MeanOf("validation loss", row.Runs.Select(r => r.ValidationLoss)));
            html.Append(chart.Build(400, 260).Svg(FormattableString.Invariant($"{CurvesChartId}-{index}")));
        }
        html.Append("</div><p class=\"caption\">Blue: training loss as optimised (penalties and smoothing included); orange: validation " +
            "cross-entropy in eval mode; grey: the baseline's validation cross-entropy. Lines are means over the seeds, bands " +
            "their range; each panel has its own loss scale.</p>");
    }

    private static void Ensembles(StringBuilder html, Comparison comparison)
    {
        var ensembles = comparison.Rows.Where(r => r.Configuration.BaggingMembers > 0).ToList();
        if (ensembles.Count == 0)
        {
            return;
        }
        var chart = new LineChart("ensemble members", "test accuracy (%)");
        foreach (var row in ensembles)
        {
            chart.Add(Percent(Series.MeanOf(row.Configuration.Name, row.Runs.Select(r => r.EnsembleAccuracyBySize))) with { ShowMarkers = true });
        }
        html.Append("<h2>Accuracy against ensemble size</h2>");
        Figure(html, chart.Build().Svg(EnsembleChartId),
            "Test accuracy of the first k bagged members' combined prediction, mean over the seeds with their range.");
    }

    private static void Weights(StringBuilder html, Comparison comparison)
    {
        var rows = comparison.Rows
            .Where(r => r.Runs.All(x => x.WeightMagnitudes is not null)
                && (r.Configuration.Name == comparison.Baseline || (r.Configuration.Regularization is not null && !Sweep.TryParsePoint(r.Configuration.Name, out _, out _))))
            .OrderBy(r => r.Configuration.Name == comparison.Baseline ? 0 : 1)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var centers = Enumerable.Range(0, WeightMagnitudes.Bins).Select(WeightMagnitudes.Center).ToArray();
        var chart = new LineChart("|w| (log scale)", "weights (%)") { LogX = true };
        foreach (var row in rows)
        {
            var fractions = Enumerable.Range(0, WeightMagnitudes.Bins).Select(i => 100 * row.Runs.Average(r => r.WeightMagnitudes![i])).ToArray();
            chart.Add(new Series(row.Configuration.Name, centers, fractions) { IsReference = row.Configuration.Name == comparison.Baseline });
        }
        html.Append("<h2>Weight magnitudes</h2>");
        Figure(html, chart.Build().Svg(WeightsChartId),
            FormattableString.Invariant($"Share of the weights (biases excluded) per quarter decade of |w|, mean over the seeds; the leftmost point collects |w| < 1e{WeightMagnitudes.LowestDecade}, exact zeros included. ") +
            "L2 shifts the bulk left; L1's weights pile up far below the rest rather than at exactly zero: each SGD step moves a weight by lr·λ, so the weights L1 drives to zero keep crossing it at about that size.");
    }

    private static void Robust(StringBuilder html, Comparison comparison)
    {
        var rows = comparison.Rows
            .Where(r => r.Runs.All(x => x.Robust is not null) && !Sweep.TryParsePoint(r.Configuration.Name, out _, out _))
            .OrderBy(r => r.Configuration.Name == comparison.Baseline ? 0 : 1)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }
        html.Append("<h2>Accuracy under attack</h2><div class=\"panels\">");
        foreach (var (attack, measure) in new (string, Func<RunResult, IReadOnlyList<double>>)[] { ("FGSM", r => r.Robust!.Fgsm), ("PGD", r => r.Robust!.Pgd) })
        {
            var chart = new LineChart("ε (L∞ radius)", "test accuracy (%)", attack);
            foreach (var row in rows)
            {
                var epsilons = new[] { 0.0 }.Concat(row.Runs[0].Robust!.Epsilons).ToArray();
                var accuracies = row.Runs.Select(r => (IReadOnlyList<double>)new[] { r.Robust!.Clean }.Concat(measure(r)).ToArray());
                chart.Add(Percent(Series.MeanOf(row.Configuration.Name, accuracies)) with { X = epsilons, ShowMarkers = true, IsReference = row.Configuration.Name == comparison.Baseline });
            }
            html.Append(chart.Build(560, 340).Svg($"{RobustChartId}-{attack.ToLowerInvariant()}"));
        }
        html.Append("</div><p class=\"caption\">").Append(Encode(FormattableString.Invariant(
            $"Accuracy on the first {RobustScore.Examples} test examples after FGSM and after PGD ({RobustScore.PgdSteps} steps of ε/4, random start) crafted against each network, mean over the seeds with their range; ε = 0 is their clean accuracy; the baseline in grey. Bagged ensembles are not attacked.")))
            .Append("</p>");
    }

    private static void Sweeps(StringBuilder html, Comparison comparison)
    {
        var points = comparison.Rows
            .Select(r => Sweep.TryParsePoint(r.Configuration.Name, out var family, out var value) ? (Family: family, Value: value, Row: r) : default)
            .Where(p => p.Row is not null)
            .GroupBy(p => p.Family)
            .ToList();
        if (points.Count == 0)
        {
            return;
        }
        var baseline = comparison.Rows.FirstOrDefault(r => r.Configuration.Name == comparison.Baseline);
        html.Append("<h2>Sweeps</h2><div class=\"panels\">");
        foreach (var family in points)
        {
            var sorted = family.OrderBy(p => p.Value).ToList();
            var values = sorted.Select(p => p.Value).ToArray();
            var logX = values.Length > 1 && values[0] > 0 && values[^1] / values[0] >= 10;
            var axis = $"{Sweep.ParameterOf(family.Key)} ({family.Key}{(logX ? ", log scale" : "")})";
            foreach (var (metric, label, measure) in new (string, string, Func<Experiments.RunResult, double>)[]
                     {
                         ("accuracy", "test accuracy (%)", r => r.TestAccuracy),
                         ("gap", "gap: train − test accuracy (points)", r => r.Gap),
                     })
            {
                var chart = new LineChart(axis, label) { LogX = logX };
                if (baseline is not null)
                {
                    var level = 100 * baseline.Mean(measure);
                    chart.Add(new Series(baseline.Configuration.Name, [values[0], values[^1]], [level, level]) { IsReference = true });
                }
                chart.Add(new Series(family.Key, values,
                    sorted.Select(p => 100 * p.Row.Mean(measure)).ToArray(),
                    sorted.Select(p => 100 * p.Row.Runs.Min(measure)).ToArray(),
                    sorted.Select(p => 100 * p.Row.Runs.Max(measure)).ToArray()) { ShowMarkers = true });
                html.Append(chart.Build(560, 340).Svg($"{SweepChartId}-{family.Key}-{metric}"));
            }
        }
        html.Append("</div><p class=\"caption\">Mean over the seeds at each strength with their range; the grey line is the baseline.</p>");
    }

    private static Series Percent(Series series) => series with
    {
        Y = series.Y.Select(v => 100 * v).ToArray(),
        Low = series.Low?.Select(v => 100 * v).ToArray(),
        High = series.High?.Select(v => 100 * v).ToArray(),
    };

    private static void Figure(StringBuilder html, string svg, string caption) =>
        html.Append("<figure>").Append(svg).Append("<figcaption>").Append(Encode(caption)).Append("</figcaption></figure>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
