namespace Regularizers.Cli.Results;

/// <summary>Which of a comparison's runs an invocation makes, and where it keeps them.</summary>
/// <param name="ResultsPath">The results file each finished run is appended to, or null for none.</param>
/// <param name="Resume">Whether runs already in the file are kept rather than refused.</param>
/// <param name="Shard">The slice of the runs to make.</param>
internal sealed record RunPlan(string? ResultsPath, bool Resume, Shard Shard);
