using Spectre.Console;

namespace Regularizers.Cli.Commands;

/// <summary>Where a command writes and whether it may draw live progress; tests pass string writers.</summary>
/// <param name="Console">Tables and results (standard output).</param>
/// <param name="Error">One-line errors (standard error).</param>
/// <param name="Interactive">Whether output is a terminal: live progress is drawn only then.</param>
/// <param name="Token">Cancelled by Ctrl-C.</param>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Error, bool Interactive, CancellationToken Token);
