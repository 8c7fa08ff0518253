using System.Text.Json.Nodes;

namespace Regularizers.Notebooks.Tests;

/// <summary>
/// A cell's outputs as nbformat 4 writes them, and as Jupyter and Polyglot Notebooks show them: an update replaces
/// the display with its value id, consecutive writes to one stream are one "stream" output, and each output's keys
/// are in Jupyter's (sorted) order.
/// </summary>
/// <remarks>
/// An update whose value id no earlier display has stays a display of its own. .NET Interactive 1.0.0-beta.26120.1
/// publishes such updates for <c>display(x).Update(y)</c> and <c>x.Display().Update(y)</c>; the handle from
/// <c>KernelInvocationContextExtensions.Display(KernelInvocationContext.Current, x)</c> updates in place.
/// </remarks>
public static class IpynbOutputs
{
    /// <summary>The "outputs" array of the cell that produced <paramref name="cell"/>.</summary>
    public static JsonArray ToJson(CellRun cell) =>
        new(Settle(cell.Outputs).Select(output => (JsonNode?)ToJson(output, cell.ExecutionCount)).ToArray());

    private static List<CellOutput> Settle(IReadOnlyList<CellOutput> outputs)
    {
        var settled = new List<CellOutput>();
        foreach (var output in outputs)
        {
            switch (output)
            {
                case DisplayOutput { Kind: DisplayKind.Updated } update
                    when settled.FindIndex(o => o is DisplayOutput d && d.ValueId == update.ValueId) is var shown and >= 0:
                    settled[shown] = (DisplayOutput)settled[shown] with { Data = update.Data };
                    break;
                case StreamOutput stream when settled.Count > 0 && settled[^1] is StreamOutput last && last.Stream == stream.Stream:
                    settled[^1] = last with { Text = last.Text + stream.Text };
                    break;
                default:
                    settled.Add(output);
                    break;
            }
        }
        return settled;
    }

    private static JsonObject ToJson(CellOutput output, int executionCount) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.Stream == OutputStream.Stdout ? "stdout" : "stderr",
            ["output_type"] = "stream",
            ["text"] = Lines(stream.Text),
        },
        DisplayOutput { Kind: DisplayKind.Returned } returned => new JsonObject
        {
            ["data"] = Data(returned.Data),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        DisplayOutput displayed => new JsonObject
        {
            ["data"] = Data(displayed.Data),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Message,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(error.Message.Split('\n').Select(line => (JsonNode?)line).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, "Unknown kind of cell output."),
    };

    /// <summary>
    /// A mime bundle: JSON types (application/json, …+json) as JSON, binary images (image/png, …) as their base64 text
    /// in one string, every other type (text/plain, text/html, image/svg+xml, …) as a list of lines.
    /// </summary>
    private static JsonObject Data(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mimeType, value) in data.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            bundle[mimeType] = mimeType switch
            {
                _ when mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal) => JsonNode.Parse(value),
                "image/svg+xml" => Lines(value),
                _ when mimeType.StartsWith("image/", StringComparison.Ordinal) => value,
                _ => Lines(value),
            };
        }
        return bundle;
    }

    /// <summary>nbformat's multi-line string: each line keeps its "\n"; the last has none unless the text ends a line.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..next]);
            start = next;
        }
        return lines;
    }
}
