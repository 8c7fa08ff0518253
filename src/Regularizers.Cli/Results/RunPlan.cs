namespace Regularizers.Cli.Results;

/// <summary>Which of a comparison's runs an invocation makes, and where it keeps them.</summary>
/// <param name="ResultsPath">The results file each finished run is appended to, or null for none.</param>
/// <param name="Resume">Whether runs already in the file are kept.</param>
/// <param name="Shard">The slice of the runs to make.</param>
/// <param name="Implicit">
/// Whether the file is the one beside <c>--json</c> rather than one named by <c>--results</c>: without
/// <see cref="Resume"/>, an implicit file starts afresh as the JSON report is overwritten, while a named one that
/// already holds runs is refused.
/// </param>
internal sealed record RunPlan(string? ResultsPath, bool Resume, Shard Shard, bool Implicit = false);
