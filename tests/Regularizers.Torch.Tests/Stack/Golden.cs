using System.Text.Json;

namespace Regularizers.Torch.Tests.Stack;

/// <summary>Reads a golden JSON file written by a script in Stack/golden/ and turns its entries into tensors.</summary>
internal sealed class Golden
{
    private Golden(JsonElement root) => Root = root;

    public static Golden Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Stack", "golden", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new Golden(document.RootElement.Clone());
    }

    public JsonElement Root { get; }

    public (long[] Shape, double[] Values) Entry(string section, string name)
    {
        var e = Root.GetProperty(section).GetProperty(name);
        var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var values = e.GetProperty("values").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        return (shape, values);
    }

    public Tensor Input(string name)
    {
        var (shape, values) = Entry("inputs", name);
        return tensor(values.Select(v => (float)v).ToArray(), shape);
    }

    public IEnumerable<string> CaseNames => Root.GetProperty("cases").EnumerateObject().Select(p => p.Name);
}
