namespace Regularizers.Reference.Constraints;

/// <summary>The reference twin of the torch <c>UnitNorm</c> constraint.</summary>
public static class UnitNorm
{
    /// <summary>Every row becomes <c>wᵣ/(‖wᵣ‖ + 1e-7)</c>.</summary>
    public static void Apply(Matrix weight) => RowNorms.Rescale(weight, norm => 1 / (norm + RowNorms.Epsilon));
}
