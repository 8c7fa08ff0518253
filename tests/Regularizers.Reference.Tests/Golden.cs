using System.Text.Json;

namespace Regularizers.Reference.Tests;

/// <summary>The PyTorch 1.13 float64 golden values (golden/make_reference_golden.py) and readers for them.</summary>
internal static class Golden
{
    public static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "reference_golden.json"))).RootElement;

    public static double[] Array(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static Matrix Matrix(JsonElement e, int rows, int cols) => new(rows, cols, Array(e));
}
