using System.Numerics.Tensors;
using Regularizers.Core;

namespace Regularizers.Reference.Penalties;

/// <summary>
/// <c>Ω(w) = λ·Σ|w|</c>, gradient <c>λ·sign(w)</c> with sign(0) = 0. Seed 004 computes <c>0.5·λ·Σ|w|</c> but applies the
/// gradient <c>λ·sign(w)</c>, so its loss and its update disagree; here both use λ.
/// </summary>
public sealed class L1Penalty(double strength) : IWeightPenalty
{
    /// <summary>λ ≥ 0.</summary>
    public double Strength { get; } = Guard.NonNegative(strength);

    /// <inheritdoc />
    public double Value(IEnumerable<double[]> weights) => Strength * weights.Sum(w => TensorPrimitives.SumOfMagnitudes<double>(w));

    /// <inheritdoc />
    public void AddGradient(ReadOnlySpan<double> weights, Span<double> gradient)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            gradient[i] += Strength * Math.Sign(weights[i]);
        }
    }
}
