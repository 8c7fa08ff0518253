using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regularizers.Notebooks.Tests;

/// <summary>
/// Runs Fixtures/outputs.ipynb (one cell per kind of output), writes it back to a temporary folder and checks the
/// written file's outputs, what it leaves alone, and that writing is stable.
/// </summary>
public sealed class NotebookRunWriteBackTests : IClassFixture<NotebookRunWriteBackTests.Fixture>
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Fixture _fixture;

    public NotebookRunWriteBackTests(Fixture fixture) => _fixture = fixture;

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Run = NotebookRun.ExecuteFile(Source);
            Run.Save(Written);
            Notebook = IpynbFile.Read(Written);
        }

        public static string Source { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "outputs.ipynb");

        public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("notebook-write-back-");

        public string Written => Path.Combine(Folder.FullName, "outputs.ipynb");

        public NotebookRun Run { get; }

        public JsonObject Notebook { get; }

        public void Dispose() => Folder.Delete(recursive: true);
    }

    private JsonArray OutputsOf(string cellId) =>
        _fixture.Notebook["cells"]!.AsArray().Single(cell => (string?)cell!["id"] == cellId)!["outputs"]!.AsArray();

    [Fact]
    public void Run_DisplayAndItsUpdate_AreKeptAsSeparateOutputsWithEveryMimeType()
    {
        var displays = _fixture.Run.Cells[1].Outputs.Cast<DisplayOutput>().ToList();

        Assert.Equal(
            [DisplayKind.Displayed, DisplayKind.Displayed, DisplayKind.Displayed, DisplayKind.Displayed, DisplayKind.Displayed, DisplayKind.Updated],
            displays.Select(d => d.Kind));
        Assert.Equal(["text/html"], displays[0].Data.Keys);
        Assert.Equal("<b>bold</b>", displays[0].Data["text/html"]);
        Assert.Equal(displays[4].ValueId, displays[5].ValueId);
        Assert.Equal("second", displays[5].Data["text/plain"]);
    }

    [Fact]
    public void Save_ConsecutiveWrites_AreOneStdoutStreamOfLines()
    {
        Assert.Equal(
            """[{"name":"stdout","output_type":"stream","text":["λ = 0.5\n","two\n","three"]}]""",
            OutputsOf("stdout").ToJsonString(Unescaped));
    }

    [Fact]
    public void Save_DisplayedValues_AreDisplayDataInTheirMimeTypesShape()
    {
        var outputs = OutputsOf("displays");

        Assert.Equal(5, outputs.Count);
        Assert.All(outputs, output => Assert.Equal("display_data", (string?)output!["output_type"]));
        Assert.Equal("""{"text/html":["<b>bold</b>"]}""", outputs[0]!["data"]!.ToJsonString(Unescaped));
        Assert.Equal(
            """{"image/svg+xml":["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">\n","<rect width=\"1\" height=\"1\"/>\n","</svg>"]}""",
            outputs[1]!["data"]!.ToJsonString(Unescaped));
        Assert.Equal(
            """{"image/png":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"}""",
            outputs[2]!["data"]!.ToJsonString(Unescaped));
        Assert.Equal("""{"application/json":{"a":[1,2]}}""", outputs[3]!["data"]!.ToJsonString(Unescaped));
    }

    [Fact]
    public void Save_UpdatedDisplay_ShowsTheLastValueInPlace()
    {
        Assert.Equal(
            """{"data":{"text/plain":["second"]},"metadata":{},"output_type":"display_data"}""",
            OutputsOf("displays")[4]!.ToJsonString(Unescaped));
    }

    [Fact]
    public void Save_ReturnValue_IsAnExecuteResultWithTheCellsCount()
    {
        var result = OutputsOf("returned").Single()!;

        Assert.Equal("execute_result", (string?)result["output_type"]);
        Assert.Equal(3, (int?)result["execution_count"]);
        Assert.Equal(["text/html"], result["data"]!.AsObject().Select(pair => pair.Key));
        Assert.StartsWith("""<div class="dni-plaintext"><pre>42</pre></div>""", (string?)result["data"]!["text/html"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public void Save_Exception_IsAnErrorOutputAndAFailure()
    {
        var error = OutputsOf("thrown").Single()!;

        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("InvalidOperationException", (string?)error["ename"]);
        Assert.StartsWith("System.InvalidOperationException: boom", (string?)error["evalue"], StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException: boom", (string?)error["traceback"]![0]);
        Assert.Equal("cell 4: System.InvalidOperationException: boom", _fixture.Run.Failures.Single().Split('\n')[0]);
    }

    [Fact]
    public void Save_CodeCells_AreNumberedFromOne()
    {
        Assert.Equal(
            [1, 2, 3, 4],
            IpynbFile.CodeCells(_fixture.Notebook).Select(cell => (int?)cell["execution_count"]));
    }

    [Fact]
    public void Save_EverythingButOutputsAndCounts_IsUnchanged()
    {
        var original = IpynbFile.Read(Fixture.Source);

        Assert.True(JsonNode.DeepEquals(WithoutRunResults(original), WithoutRunResults(_fixture.Notebook)));
    }

    [Fact]
    public void Save_RunOfTheWrittenNotebook_WritesIdenticalBytes()
    {
        var rewritten = Path.Combine(_fixture.Folder.FullName, "rewritten.ipynb");

        NotebookRun.ExecuteFile(_fixture.Written).Save(rewritten);

        Assert.Equal(File.ReadAllBytes(_fixture.Written), File.ReadAllBytes(rewritten));
    }

    [Fact]
    public void Write_NotebookAsJupyterSavedIt_WritesIdenticalBytes()
    {
        var copy = Path.Combine(_fixture.Folder.FullName, "copy.ipynb");

        IpynbFile.Write(copy, IpynbFile.Read(Fixture.Source));

        Assert.Equal(File.ReadAllBytes(Fixture.Source), File.ReadAllBytes(copy));
        Assert.Equal([copy], Directory.GetFiles(_fixture.Folder.FullName, "*copy*", SearchOption.AllDirectories));
    }

    private static JsonObject WithoutRunResults(JsonObject notebook)
    {
        var copy = notebook.DeepClone().AsObject();
        foreach (var cell in IpynbFile.CodeCells(copy))
        {
            cell.Remove("outputs");
            cell.Remove("execution_count");
        }
        return copy;
    }
}
