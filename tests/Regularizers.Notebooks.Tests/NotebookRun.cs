using System.Text;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace Regularizers.Notebooks.Tests;

/// <summary>
/// Runs every code cell of a notebook under notebooks/, in order, in one C# kernel (as Polyglot Notebooks does, with
/// the notebook's folder as the working directory) and keeps what each cell wrote to standard output.
/// </summary>
public sealed class NotebookRun
{
    private NotebookRun(IReadOnlyList<string> outputs, IReadOnlyList<string> failures)
    {
        Outputs = outputs;
        Failures = failures;
    }

    /// <summary>Each code cell's standard output.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>"cell N: message" for each cell that failed to compile or threw.</summary>
    public IReadOnlyList<string> Failures { get; }

    /// <summary>All cells' output, joined.</summary>
    public string Text => string.Concat(Outputs);

    public static NotebookRun Execute(string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "notebooks", fileName);
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
        try
        {
            return Run(path);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static NotebookRun Run(string path)
    {
        using var kernel = new CSharpKernel();
        using var notebook = JsonDocument.Parse(File.ReadAllText(path));
        var outputs = new List<string>();
        var failures = new List<string>();
        var codeCells = notebook.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code");
        foreach (var (cell, index) in codeCells.Select((c, i) => (c, i + 1)))
        {
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()));
            var result = kernel.SendAsync(new SubmitCode(source)).GetAwaiter().GetResult();
            var output = new StringBuilder();
            foreach (var e in result.Events)
            {
                switch (e)
                {
                    case StandardOutputValueProduced written:
                        output.Append(written.FormattedValues.First().Value);
                        break;
                    case CommandFailed failed:
                        failures.Add($"cell {index}: {failed.Message}");
                        break;
                }
            }
            outputs.Add(output.ToString());
        }
        return new NotebookRun(outputs, failures);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Regularizers.Torch.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException($"No Regularizers.Torch.sln above {AppContext.BaseDirectory}.");
    }
}
