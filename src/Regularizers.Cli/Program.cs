using Regularizers.Cli;
using Regularizers.Cli.Commands;
using Spectre.Console;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C finishes the current batch and prints what finished; a second one ends the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
var console = interactive
    ? AnsiConsole.Console
    : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
if (!interactive)
{
    console.Profile.Width = 200;
}
return CliApplication.Run(args, new CliContext(console, Console.Error, interactive, cancel.Token), Console.Out);
