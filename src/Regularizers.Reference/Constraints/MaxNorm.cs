using Regularizers.Core;

namespace Regularizers.Reference.Constraints;

/// <summary>The reference twin of the torch <c>MaxNorm</c> constraint.</summary>
public static class MaxNorm
{
    /// <summary>Rows with <c>‖wᵣ‖ &gt; c</c> become <c>wᵣ·c/(‖wᵣ‖ + 1e-7)</c>; others are untouched (<c>torch.renorm(w, 2, 0, c)</c>).</summary>
    public static void Apply(Matrix weight, double maxValue)
    {
        Guard.Positive(maxValue);
        RowNorms.Rescale(weight, norm => norm > maxValue ? maxValue / (norm + RowNorms.Epsilon) : 1);
    }
}
