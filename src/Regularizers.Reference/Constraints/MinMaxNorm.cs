namespace Regularizers.Reference.Constraints;

/// <summary>The reference twin of the torch <c>MinMaxNorm</c> constraint (Keras' rule).</summary>
public static class MinMaxNorm
{
    /// <summary><c>d = rate·clip(‖wᵣ‖, min, max) + (1 − rate)·‖wᵣ‖</c>, <c>wᵣ ← wᵣ·d/(1e-7 + ‖wᵣ‖)</c>.</summary>
    public static void Apply(Matrix weight, double min, double max, double rate) =>
        RowNorms.Rescale(weight, norm =>
        {
            var desired = (rate * Math.Clamp(norm, min, max)) + ((1 - rate) * norm);
            return desired / (RowNorms.Epsilon + norm);
        });
}
