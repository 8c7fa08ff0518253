namespace Regularizers.Reference.Modules;

/// <summary>
/// DropConnect (Wan et al. 2013) on an affine layer: training <c>z = x·(W ⊙ M)ᵀ + b</c> with a keep mask M over the
/// weights, evaluation with the expected weights <c>z = x·((1 − p)·W)ᵀ + b</c>.
/// </summary>
public static class DropConnectLinear
{
    /// <summary>The layer's output for x [N, in], W [out, in], b [out] and a weight mask of W's shape.</summary>
    public static Matrix Forward(Matrix x, Matrix weight, double[] bias, Matrix mask, double p, bool training)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(mask);
        var effective = new Matrix(weight.Rows, weight.Cols);
        for (var i = 0; i < effective.Data.Length; i++)
        {
            effective.Data[i] = training ? weight.Data[i] * mask.Data[i] : weight.Data[i] * (1 - p);
        }
        return new Networks.AffineLayer(effective, bias).Forward(x);
    }
}
