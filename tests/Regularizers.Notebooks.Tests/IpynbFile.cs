using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regularizers.Notebooks.Tests;

/// <summary>
/// Reads and writes .ipynb files as JSON trees, so that writing outputs back changes nothing else: markdown and raw
/// cells, attachments, metadata and cell ids stay as they were. Files are written as Jupyter writes them (one space
/// of indent, characters unescaped, "\n" line ends, a final newline), so a file Jupyter saved, written back with the
/// outputs it already has, is the same bytes.
/// </summary>
/// <remarks>
/// Microsoft.DotNet.Interactive.Documents (Notebook.Parse, ToJupyterJson) does not keep a file as it was: it drops
/// markdown attachments, turns raw cells into code cells, adds dotnet_interactive metadata to code cells, writes
/// image/png as a list, leaves out the final newline, and throws on a JSON-valued mime type (application/json).
/// </remarks>
public static class IpynbFile
{
    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The notebook at <paramref name="path"/>.</summary>
    public static JsonObject Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a notebook: it holds JSON null.");

    /// <summary>The notebook's code cells, in order.</summary>
    public static IEnumerable<JsonObject> CodeCells(JsonObject notebook) =>
        notebook["cells"]!.AsArray().Select(cell => cell!.AsObject()).Where(cell => (string?)cell["cell_type"] == "code");

    /// <summary>A cell's source as one string (nbformat allows one string or a list of lines).</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        var text => (string?)text ?? "",
    };

    /// <summary>
    /// A copy of <paramref name="notebook"/> whose N-th code cell has execution count N and the outputs of
    /// <paramref name="cells"/>[N - 1]; everything else is unchanged.
    /// </summary>
    public static JsonObject WithOutputs(JsonObject notebook, IReadOnlyList<CellRun> cells)
    {
        var copy = notebook.DeepClone().AsObject();
        var codeCells = CodeCells(copy).ToList();
        if (codeCells.Count != cells.Count)
        {
            throw new ArgumentException($"The notebook has {codeCells.Count} code cells but {cells.Count} were run.", nameof(cells));
        }
        foreach (var (cell, run) in codeCells.Zip(cells))
        {
            cell["execution_count"] = run.ExecutionCount;
            cell["outputs"] = IpynbOutputs.ToJson(run);
        }
        return copy;
    }

    /// <summary>
    /// Writes <paramref name="notebook"/> to <paramref name="path"/> through a temporary file in the same folder that is
    /// then renamed over it, so a reader (or an interrupted run) never sees half a notebook.
    /// </summary>
    public static void Write(string path, JsonObject notebook)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, notebook.ToJsonString(Format) + "\n");
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
