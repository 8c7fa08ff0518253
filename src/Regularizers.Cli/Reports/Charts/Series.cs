namespace Regularizers.Cli.Reports.Charts;

/// <summary>A named line for <see cref="LineChart"/>, optionally with a band around it.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="X">The x values, increasing.</param>
/// <param name="Y">The y values, one per x; non-finite values leave a gap.</param>
/// <param name="Low">The band's lower edge, one per x, or null for no band.</param>
/// <param name="High">The band's upper edge, one per x, or null for no band.</param>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double>? Low = null, IReadOnlyList<double>? High = null)
{
    /// <summary>Whether the line is drawn thinner in the neutral reference grey (a baseline to compare against).</summary>
    public bool IsReference { get; init; }

    /// <summary>Whether each point gets a marker (for a few points, such as a sweep's strengths).</summary>
    public bool ShowMarkers { get; init; }

    /// <summary>
    /// The mean over several runs' curves at each position all of them reached (x = 1, 2, …), with the band from the
    /// smallest to the largest value among them.
    /// </summary>
    public static Series MeanOf(string name, IEnumerable<IReadOnlyList<double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var all = runs.ToList();
        var length = all.Count == 0 ? 0 : all.Min(r => r.Count);
        var x = Enumerable.Range(1, length).Select(i => (double)i).ToArray();
        var columns = Enumerable.Range(0, length).Select(i => all.Select(r => r[i]).ToArray()).ToArray();
        return new Series(name, x, columns.Select(c => c.Average()).ToArray(), columns.Select(c => c.Min()).ToArray(), columns.Select(c => c.Max()).ToArray());
    }
}
