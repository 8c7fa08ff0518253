using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regularizers.Cli.Results;

/// <summary>How results files serialise: camelCase, enums by name, NaN and ±∞ as strings (a diverged run's losses), one line per object.</summary>
internal static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
