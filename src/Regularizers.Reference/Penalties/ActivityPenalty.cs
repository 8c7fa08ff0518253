namespace Regularizers.Reference.Penalties;

/// <summary>
/// A penalty on a layer's outputs a [N, J] (a sparse representation): L1 <c>λ·(1/N)·ΣₙΣⱼ|aₙⱼ|</c> with gradient
/// <c>λ·sign(a)/N</c>, or L2 <c>(λ/2)·(1/N)·ΣₙΣⱼ aₙⱼ²</c> with gradient <c>λ·a/N</c>.
/// </summary>
public static class ActivityPenalty
{
    /// <summary>The penalty's value for the batch.</summary>
    public static double Value(Matrix activations, double strength, bool l1)
    {
        ArgumentNullException.ThrowIfNull(activations);
        var sum = activations.Data.Sum(a => l1 ? Math.Abs(a) : a * a / 2);
        return strength * sum / activations.Rows;
    }

    /// <summary><c>∂penalty/∂a</c>.</summary>
    public static Matrix Gradient(Matrix activations, double strength, bool l1)
    {
        ArgumentNullException.ThrowIfNull(activations);
        var g = new Matrix(activations.Rows, activations.Cols);
        for (var i = 0; i < g.Data.Length; i++)
        {
            var a = activations.Data[i];
            g.Data[i] = strength * (l1 ? Math.Sign(a) : a) / activations.Rows;
        }
        return g;
    }
}
