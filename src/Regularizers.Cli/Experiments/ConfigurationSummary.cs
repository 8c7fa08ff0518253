using Regularizers.Cli.Statistics;

namespace Regularizers.Cli.Experiments;

/// <summary>A configuration's runs over all seeds and its difference to the baseline.</summary>
/// <param name="Configuration">The configuration.</param>
/// <param name="Runs">One result per finished seed.</param>
/// <param name="DeltaTestAccuracy">
/// Test accuracy minus the baseline's, paired by seed: mean ± Student-t 95% half width over the seeds both finished
/// (half width NaN with one seed); null for the baseline itself or when they share no seed.
/// </param>
internal sealed record ConfigurationSummary(Configuration Configuration, IReadOnlyList<RunResult> Runs, ConfidenceInterval? DeltaTestAccuracy)
{
    /// <summary>The mean of a metric over the runs.</summary>
    public double Mean(Func<RunResult, double> metric) => Runs.Average(metric);

    /// <summary>Summarises each configuration's runs against <paramref name="baseline"/>'s, keeping the order given.</summary>
    public static IReadOnlyList<ConfigurationSummary> Summarize(IReadOnlyList<Configuration> configurations, IReadOnlyList<RunResult> results, string baseline)
    {
        var baselineBySeed = results.Where(r => r.Configuration == baseline).ToDictionary(r => r.Seed, r => r.TestAccuracy);
        return configurations
            .Select(c => (Configuration: c, Runs: results.Where(r => r.Configuration == c.Name).OrderBy(r => r.Seed).ToList()))
            .Where(x => x.Runs.Count > 0)
            .Select(x =>
            {
                var deltas = x.Runs.Where(r => baselineBySeed.ContainsKey(r.Seed)).Select(r => r.TestAccuracy - baselineBySeed[r.Seed]).ToList();
                ConfidenceInterval? delta = x.Configuration.Name == baseline || deltas.Count == 0
                    ? null
                    : RunningStatistics.Of(deltas).ConfidenceInterval();
                return new ConfigurationSummary(x.Configuration, x.Runs, delta);
            })
            .ToList();
    }
}
