using System.Globalization;

namespace Regularizers.Cli.Results;

/// <summary>
/// The K-th of N slices of a comparison's runs (<c>--shard K/N</c>): with the runs numbered configuration by
/// configuration, <c>i = configuration·seeds + seed</c>, run i belongs to shard <c>(i mod N) + 1</c>. The slices
/// partition the runs, hold within one of the same number, and split every configuration's seeds evenly (within one),
/// so a costly configuration (bagging, dropout) does not land on one shard.
/// </summary>
/// <param name="Index">K, from 1.</param>
/// <param name="Count">N ≥ 1.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>The whole comparison: shard 1 of 1.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>K/N</c> with 1 ≤ K ≤ N; null when <paramref name="text"/> is not of that form.</summary>
    public static Shard? Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n
            ? new Shard(k, n)
            : null;
    }

    /// <summary>Whether the run of configuration number <paramref name="configuration"/> (from 0) with <paramref name="seed"/> of <paramref name="seeds"/> belongs to this shard.</summary>
    public bool Holds(int configuration, int seed, int seeds) => ((configuration * seeds) + seed) % Count == Index - 1;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Index}/{Count}");
}
