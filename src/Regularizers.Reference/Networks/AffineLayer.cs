namespace Regularizers.Reference.Networks;

/// <summary>
/// A fully connected layer <c>z = x·Wᵀ + b</c> with W of shape [out, in] and b of shape [out] (PyTorch's layout).
/// Backward, for <c>dz = ∂L/∂z</c>: <c>∂L/∂W = dzᵀ·x</c>, <c>∂L/∂b = Σₙ dzₙ</c>, <c>∂L/∂x = dz·W</c>.
/// </summary>
public sealed class AffineLayer
{
    /// <summary>Creates a layer with the given weights and bias (not copied).</summary>
    public AffineLayer(Matrix weight, double[] bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        if (bias.Length != weight.Rows)
        {
            throw new ArgumentException($"bias has {bias.Length} values but the weight has {weight.Rows} rows.", nameof(bias));
        }
        (Weight, Bias) = (weight, bias);
    }

    /// <summary>W, [out, in].</summary>
    public Matrix Weight { get; }

    /// <summary>b, [out].</summary>
    public double[] Bias { get; }

    /// <summary><c>x·Wᵀ + b</c> for x of shape [N, in].</summary>
    public Matrix Forward(Matrix x)
    {
        var z = Matrix.MultiplyTransposed(x, Weight);
        for (var n = 0; n < z.Rows; n++)
        {
            var row = z.Row(n);
            for (var j = 0; j < row.Length; j++)
            {
                row[j] += Bias[j];
            }
        }
        return z;
    }

    /// <summary>The gradients of the loss with respect to W, b and x, given <c>dz</c> and the forward input x.</summary>
    public (Matrix Weight, double[] Bias, Matrix Input) Backward(Matrix x, Matrix dz)
    {
        ArgumentNullException.ThrowIfNull(dz);
        var dBias = new double[dz.Cols];
        for (var n = 0; n < dz.Rows; n++)
        {
            for (var j = 0; j < dz.Cols; j++)
            {
                dBias[j] += dz[n, j];
            }
        }
        return (Matrix.TransposedMultiply(dz, x), dBias, Matrix.Multiply(dz, Weight));
    }
}
