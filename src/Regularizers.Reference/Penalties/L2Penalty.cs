using System.Numerics.Tensors;
using Regularizers.Core;

namespace Regularizers.Reference.Penalties;

/// <summary>
/// <c>Ω(w) = (λ/2)·Σw²</c>, gradient <c>λ·w</c>: under plain SGD, <c>w ← w − lr·(g + λw)</c> is weight decay λ.
/// Biases are not passed in (seed 004's L2 penalised them although its text says it does not).
/// </summary>
public sealed class L2Penalty(double strength) : IWeightPenalty
{
    /// <summary>λ ≥ 0.</summary>
    public double Strength { get; } = Guard.NonNegative(strength);

    /// <inheritdoc />
    public double Value(IEnumerable<double[]> weights) => Strength / 2 * weights.Sum(w => TensorPrimitives.SumOfSquares<double>(w));

    /// <inheritdoc />
    public void AddGradient(ReadOnlySpan<double> weights, Span<double> gradient) =>
        TensorPrimitives.MultiplyAdd(weights, Strength, gradient, gradient);
}
