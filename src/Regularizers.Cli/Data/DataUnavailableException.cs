namespace Regularizers.Cli.Data;

/// <summary>The data set could not be found or read; the message is one sentence saying what to provide.</summary>
internal sealed class DataUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
