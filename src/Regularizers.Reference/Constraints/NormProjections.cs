using Regularizers.Core;

namespace Regularizers.Reference.Constraints;

/// <summary>
/// Weight constraints as projections applied after an optimizer step, per output unit (row r of a weight [out, in],
/// norm <c>‖wᵣ‖ = √Σⱼ wᵣⱼ²</c>). The 1e-7 in the denominators is PyTorch's <c>renorm</c> and Keras' epsilon.
/// </summary>
public static class NormProjections
{
    private const double Epsilon = 1e-7;

    /// <summary>Max-norm: rows with <c>‖wᵣ‖ &gt; c</c> become <c>wᵣ·c/(‖wᵣ‖ + 1e-7)</c>; others are untouched (<c>torch.renorm(w, 2, 0, c)</c>).</summary>
    public static void MaxNorm(Matrix weight, double maxValue)
    {
        Guard.Positive(maxValue);
        Rescale(weight, norm => norm > maxValue ? maxValue / (norm + Epsilon) : 1);
    }

    /// <summary>Unit norm: every row becomes <c>wᵣ/(‖wᵣ‖ + 1e-7)</c>.</summary>
    public static void UnitNorm(Matrix weight) => Rescale(weight, norm => 1 / (norm + Epsilon));

    /// <summary>
    /// Min-max norm (Keras): <c>d = rate·clip(‖wᵣ‖, min, max) + (1 − rate)·‖wᵣ‖</c>, <c>wᵣ ← wᵣ·d/(1e-7 + ‖wᵣ‖)</c>.
    /// </summary>
    public static void MinMaxNorm(Matrix weight, double min, double max, double rate)
    {
        Rescale(weight, norm =>
        {
            var desired = (rate * Math.Clamp(norm, min, max)) + ((1 - rate) * norm);
            return desired / (Epsilon + norm);
        });
    }

    /// <summary>Non-negativity: <c>w ← max(w, 0)</c> element-wise.</summary>
    public static void NonNeg(Span<double> weight)
    {
        for (var i = 0; i < weight.Length; i++)
        {
            weight[i] = Math.Max(weight[i], 0);
        }
    }

    private static void Rescale(Matrix weight, Func<double, double> factor)
    {
        ArgumentNullException.ThrowIfNull(weight);
        for (var r = 0; r < weight.Rows; r++)
        {
            var row = weight.Row(r);
            var norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<double>(row));
            var scale = factor(norm);
            for (var j = 0; j < row.Length; j++)
            {
                row[j] *= scale;
            }
        }
    }
}
