using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Results;

/// <summary>
/// One finished run as a line of a results file: what it ran under (<see cref="Setup"/>, with <see cref="SetupId"/> its
/// fingerprint), which configuration and seed, and what it scored. Self-contained, so <c>merge</c> can rebuild the
/// comparison from result files alone.
/// </summary>
/// <param name="SetupId">The fingerprint of <see cref="Setup"/>: runs with equal fingerprints are comparable and reusable.</param>
/// <param name="Setup">The settings (the number of seeds aside) and the data.</param>
/// <param name="Configurations">The configurations the invocation compared, in order (the first one or "none" is the baseline).</param>
/// <param name="Description">The configuration's description, which names its strengths: a changed strength is a new run.</param>
/// <param name="Result">The run's scores and curves.</param>
internal sealed record RunRecord(string SetupId, RunSetup Setup, IReadOnlyList<string> Configurations, string Description, RunResult Result)
{
    /// <summary>The run's identity within its setup: configuration, description and seed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public (string SetupId, string Configuration, string Description, int Seed) Key => (SetupId, Result.Configuration, Description, Result.Seed);

    /// <summary>The <see cref="Key"/> the run of <paramref name="configuration"/> with <paramref name="seed"/> under <paramref name="setupId"/> gets.</summary>
    public static (string SetupId, string Configuration, string Description, int Seed) KeyOf(string setupId, Configuration configuration, int seed) =>
        (setupId, configuration.Name, configuration.Description, seed);
}
