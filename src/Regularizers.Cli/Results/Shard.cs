using System.Globalization;

namespace Regularizers.Cli.Results;

/// <summary>
/// The K-th of N slices of a comparison's runs (<c>--shard K/N</c>): run i, counted over seeds then configurations,
/// belongs to shard <c>(i mod N) + 1</c>. The slices partition the runs, and each holds every seed's share of every
/// configuration in turn, so their costs are balanced to within one run.
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

    /// <summary>Whether run number <paramref name="run"/> (from 0) belongs to this shard.</summary>
    public bool Holds(int run) => run % Count == Index - 1;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Index}/{Count}");
}
