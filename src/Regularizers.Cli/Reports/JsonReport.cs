using System.Text.Json;
using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Reports;

/// <summary>The comparison as JSON for machines: setup, per-configuration summaries and every run with its curves.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Serialises the comparison; non-finite numbers (e.g. a one-seed interval's half width) become null.</summary>
    public static string Render(Comparison comparison) => JsonSerializer.Serialize(new
    {
        comparison.Settings.Preset,
        Settings = new
        {
            comparison.Settings.Network.HiddenLayers,
            Activation = comparison.Settings.Network.Activation.ToString(),
            Optimizer = comparison.Settings.Network.Optimizer.ToString(),
            comparison.Settings.Network.LearningRate,
            comparison.Settings.BatchSize,
            comparison.Settings.Epochs,
            comparison.Settings.TrainSize,
            comparison.Settings.ValidationSize,
            comparison.Settings.Seeds,
            comparison.Settings.Device,
            comparison.Settings.FeatureScale,
        },
        Data = new { Source = comparison.DataSource, comparison.Features, comparison.Classes },
        comparison.Baseline,
        comparison.Seconds,
        comparison.Interrupted,
        // How to read each run's weightMagnitudes: bin 0 is |w| < 10^lowestDecade, then binsPerDecade bins per decade, the last |w| ≥ 10^highestDecade.
        WeightMagnitudeBins = new { WeightMagnitudes.LowestDecade, WeightMagnitudes.HighestDecade, WeightMagnitudes.BinsPerDecade },
        Configurations = comparison.Rows.Select(row => new
        {
            row.Configuration.Name,
            row.Configuration.Description,
            Summary = new
            {
                TrainAccuracy = row.Mean(r => r.TrainAccuracy),
                TestAccuracy = row.Mean(r => r.TestAccuracy),
                Gap = row.Mean(r => r.Gap),
                TestLoss = row.Mean(r => r.TestLoss),
                Epochs = row.Mean(r => r.Epochs),
                Seconds = row.Mean(r => r.Seconds),
                WeightNorm = row.Mean(r => r.WeightNorm),
                Sparsity = row.Mean(r => r.Sparsity),
                DeltaTestAccuracy = row.DeltaTestAccuracy is { } d
                    ? new { Mean = Finite(d.Center), HalfWidth = Finite(d.HalfWidth), d.Level }
                    : null,
            },
            Runs = row.Runs.Select(r => new
            {
                r.Seed,
                r.TrainAccuracy,
                r.TestAccuracy,
                r.TestLoss,
                r.Epochs,
                r.Seconds,
                r.WeightNorm,
                r.Sparsity,
                r.StopReason,
                TrainLoss = r.TrainLoss.Select(Finite),
                ValidationLoss = r.ValidationLoss.Select(Finite),
                r.EnsembleAccuracyBySize,
                r.WeightMagnitudes,
                r.Robust,
            }),
        }),
    }, Options);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
