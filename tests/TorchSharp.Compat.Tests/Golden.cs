using System.Text.Json;

namespace TorchSharp.Compat.Tests;

/// <summary>Reads a golden JSON file written by a script in golden/ and turns its entries into tensors.</summary>
internal sealed class Golden
{
    private readonly JsonElement _root;

    private Golden(JsonElement root) => _root = root;

    public static Golden Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "golden", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new Golden(document.RootElement.Clone());
    }

    public JsonElement Root => _root;

    public (long[] Shape, double[] Values) Entry(string section, string name)
    {
        var e = _root.GetProperty(section).GetProperty(name);
        var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var values = e.GetProperty("values").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        return (shape, values);
    }

    public Tensor Input(string name)
    {
        var (shape, values) = Entry("inputs", name);
        return tensor(values.Select(v => (float)v).ToArray(), shape);
    }

    public IEnumerable<string> CaseNames => _root.GetProperty("cases").EnumerateObject().Select(p => p.Name);
}
