namespace Regularizers.Reference.Constraints;

/// <summary>
/// What the norm constraints share: each output unit's row <c>wᵣ</c> of a weight [out, in], its norm
/// <c>‖wᵣ‖ = √Σⱼ wᵣⱼ²</c>, and the 1e-7 in their denominators (PyTorch's <c>renorm</c>, Keras' epsilon).
/// </summary>
internal static class RowNorms
{
    public const double Epsilon = 1e-7;

    /// <summary>Multiplies every row by <c>factor(‖wᵣ‖)</c>.</summary>
    public static void Rescale(Matrix weight, Func<double, double> factor)
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
