using Regularizers.Cli;
using Regularizers.Cli.Commands;
using Spectre.Console;

namespace Regularizers.Cli.Tests;

/// <summary>Runs the command line in-process with captured, non-interactive output.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Error) Run(CancellationToken token, params string[] args) => Run(250, args, token);

    /// <summary>Runs with a console <paramref name="width"/> columns wide.</summary>
    public static (int Code, string Out, string Error) RunAtWidth(int width, params string[] args) => Run(width, args, CancellationToken.None);

    private static (int Code, string Out, string Error) Run(int width, string[] args, CancellationToken token)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        var code = CliApplication.Run(args, new CliContext(console, error, Interactive: false, token), output);
        return (code, output.ToString(), error.ToString().Trim());
    }

    public static (int Code, string Out, string Error) Run(params string[] args) => Run(CancellationToken.None, args);
}
