using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Regularizers.Notebooks.Tests;

/// <summary>
/// Runs every code cell of a notebook, in order, in one C# kernel set up as Polyglot Notebooks sets it up
/// (<c>#r "nuget: …"</c>, <c>display(…)</c>, the notebook's folder as the working directory), and keeps every output
/// of every cell.
/// </summary>
public sealed class NotebookRun
{
    /// <summary>Set to 1 to have <see cref="Execute"/> write each notebook back with the outputs of its run.</summary>
    public const string WriteOutputsVariable = "REGULARIZERS_WRITE_NOTEBOOK_OUTPUTS";

    private readonly JsonObject _notebook;

    private NotebookRun(JsonObject notebook, IReadOnlyList<CellRun> cells)
    {
        _notebook = notebook;
        Cells = cells;
        Outputs = cells.Select(cell => cell.StandardOutput).ToList();
        Failures = cells
            .SelectMany(cell => cell.Outputs.OfType<ErrorOutput>().Select(error => $"cell {cell.ExecutionCount}: {error.Message}"))
            .ToList();
    }

    /// <summary>Each code cell's run, with all its outputs.</summary>
    public IReadOnlyList<CellRun> Cells { get; }

    /// <summary>Each code cell's standard output.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>"cell N: message" for each cell that failed to compile or threw.</summary>
    public IReadOnlyList<string> Failures { get; }

    /// <summary>All cells' standard output, joined.</summary>
    public string Text => string.Concat(Outputs);

    /// <summary>
    /// Runs notebooks/<paramref name="fileName"/> and, when <see cref="WriteOutputsVariable"/> is 1, writes it back with
    /// this run's outputs.
    /// </summary>
    public static NotebookRun Execute(string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "notebooks", fileName);
        var run = ExecuteFile(path);
        if (Environment.GetEnvironmentVariable(WriteOutputsVariable) == "1")
        {
            run.Save(path);
        }
        return run;
    }

    /// <summary>Runs the notebook at <paramref name="path"/> with its folder as the working directory.</summary>
    public static NotebookRun ExecuteFile(string path)
    {
        var notebook = IpynbFile.Read(path);
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            List<CellRun> cells;
            using (var kernel = CreateKernel())
            {
                cells = IpynbFile.CodeCells(notebook)
                    .Select((cell, index) => Run(kernel, IpynbFile.Source(cell), index + 1))
                    .ToList();
            }
            // The notebook's objects are garbage now: finalize them here, where a failure is this notebook's, rather
            // than at a random later moment (a finalizer's native call once crashed the test host; NativeAssetsFallback).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return new NotebookRun(notebook, cells);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    /// <summary>Writes the notebook to <paramref name="path"/> with this run's outputs and execution counts.</summary>
    public void Save(string path) => IpynbFile.Write(path, IpynbFile.WithOutputs(_notebook, Cells));

    private static CSharpKernel CreateKernel() =>
        new CSharpKernel()
            .UseKernelHelpers()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(package => package.AssemblyPaths));
                return Task.CompletedTask;
            });

    private static CellRun Run(CSharpKernel kernel, string source, int executionCount)
    {
        var result = kernel.SendAsync(new SubmitCode(source)).GetAwaiter().GetResult();
        var outputs = result.Events.Select(CellOutput.From).OfType<CellOutput>().ToList();
        return new CellRun(executionCount, outputs);
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
