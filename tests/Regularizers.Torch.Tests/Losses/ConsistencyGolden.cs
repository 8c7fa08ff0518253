using System.Text.Json;

namespace Regularizers.Torch.Tests.Losses;

/// <summary>The PyTorch 1.13 float64 values of golden/consistency_golden.json (golden/make_consistency_golden.py).</summary>
internal static class ConsistencyGolden
{
    public static readonly JsonElement Root =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Losses", "golden", "consistency_golden.json"))).RootElement;

    public static JsonElement Case(string name) => Root.GetProperty("cases").GetProperty(name);

    /// <summary>A float32 tensor of an entry's values (shape and values), optionally recording gradients.</summary>
    public static Tensor Tensor(JsonElement entry, bool requiresGrad = false)
    {
        var shape = entry.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        return tensor(Values(entry).Select(v => (float)v).ToArray(), shape).requires_grad_(requiresGrad);
    }

    public static double[] Values(JsonElement entry) => entry.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static Tensor Labels() => tensor(Root.GetProperty("labels").EnumerateArray().Select(v => v.GetInt64()).ToArray());
}
