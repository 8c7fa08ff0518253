namespace Regularizers.Cli.Experiments;

/// <summary>Everything a <c>compare</c> run produced: the setup, one summary per configuration, and timing.</summary>
/// <param name="Settings">The shared settings.</param>
/// <param name="DataSource">Where the data came from.</param>
/// <param name="Features">Input features.</param>
/// <param name="Classes">Classes.</param>
/// <param name="Baseline">The configuration the differences are taken to.</param>
/// <param name="Rows">One summary per configuration with at least one finished run, in the order compared.</param>
/// <param name="Seconds">Wall time of the whole comparison.</param>
/// <param name="Interrupted">Whether Ctrl-C stopped it before every run finished.</param>
/// <param name="Reused">Runs taken from a results file rather than run (with <c>--resume</c>); not in <paramref name="Seconds"/>.</param>
internal sealed record Comparison(
    ExperimentSettings Settings, string DataSource, int Features, int Classes, string Baseline,
    IReadOnlyList<ConfigurationSummary> Rows, double Seconds, bool Interrupted, int Reused = 0)
{
    /// <summary>The wall time, and how many runs it does not include: <c>total 12.3 s</c>, <c>total 0.4 s (80 runs reused)</c>.</summary>
    public string TotalText => $"total {Reports.Format.Seconds(Seconds)} s" + (Reused > 0 ? $" ({Reused} run(s) reused from the results file)" : "");
}
