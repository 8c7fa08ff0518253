using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Results;

/// <summary>
/// Everything a run's outcome depends on besides its configuration and seed: the settings with the number of seeds left
/// out (adding seeds reuses the runs already made) and the data (source and shape).
/// </summary>
/// <param name="Settings">The settings, with <see cref="ExperimentSettings.Seeds"/> set to 1.</param>
/// <param name="DataSource">Where the data came from.</param>
/// <param name="Features">Input features.</param>
/// <param name="Classes">Classes.</param>
internal sealed record RunSetup(ExperimentSettings Settings, string DataSource, int Features, int Classes)
{
    /// <summary>The setup of <paramref name="settings"/> on data from <paramref name="dataSource"/>.</summary>
    public static RunSetup Of(ExperimentSettings settings, string dataSource, int features, int classes) =>
        new(settings with { Seeds = 1 }, dataSource, features, classes);

    /// <summary>The first 16 hex digits of the SHA-256 of the setup's JSON: equal setups, equal fingerprints.</summary>
    public string Fingerprint()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this, ResultsJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(json))[..16];
    }
}
