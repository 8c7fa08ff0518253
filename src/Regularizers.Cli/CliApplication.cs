using System.CommandLine;
using Regularizers.Cli.Commands;
using Regularizers.Cli.Data;

namespace Regularizers.Cli;

/// <summary>
/// The <c>regularizers</c> command line: <c>compare</c>, <c>train</c>, <c>evaluate</c>, <c>merge</c>. Exit codes: 0 success, 2 bad
/// arguments (the message lists the valid values), 1 anything else, with a one-line reason on standard error.
/// </summary>
internal static class CliApplication
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for any failure other than bad arguments.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad arguments.</summary>
    public const int BadArguments = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    public static int Run(string[] args, CliContext context, TextWriter output)
    {
        var root = new RootCommand("Compare regularizers on a real data set; train and evaluate one configuration.")
        {
            CompareCommand.Create(context),
            TrainCommand.Create(context),
            EvaluateCommand.Create(context),
            MergeCommand.Create(context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine(error.Message);
            }
            return BadArguments;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException e)
        {
            context.Error.WriteLine(e.Message);
            return BadArguments;
        }
        catch (Exception e) when (e is DataUnavailableException or InvalidDataException or IOException or UnauthorizedAccessException
                                      or System.Runtime.InteropServices.ExternalException)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not an input: one line on standard error as for every failure, the stack trace in a file for the report.
            var trace = Path.Combine(Path.GetTempPath(), $"regularizers-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.txt");
            File.WriteAllText(trace, $"regularizers {string.Join(' ', args)}{Environment.NewLine}{e}");
            context.Error.WriteLine($"error: unexpected {e.GetType().Name}: {e.Message} This is a bug in regularizers; please report it with {trace}.");
            return Failure;
        }
    }
}
