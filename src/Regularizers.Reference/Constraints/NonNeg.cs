namespace Regularizers.Reference.Constraints;

/// <summary>The reference twin of the torch <c>NonNeg</c> constraint.</summary>
public static class NonNeg
{
    /// <summary><c>w ← max(w, 0)</c> element-wise.</summary>
    public static void Apply(Span<double> weight)
    {
        for (var i = 0; i < weight.Length; i++)
        {
            weight[i] = Math.Max(weight[i], 0);
        }
    }
}
