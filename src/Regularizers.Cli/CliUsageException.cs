namespace Regularizers.Cli;

/// <summary>An argument is invalid in a way only known after parsing (e.g. a size larger than the data); exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
