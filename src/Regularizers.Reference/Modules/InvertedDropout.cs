namespace Regularizers.Reference.Modules;

/// <summary>
/// Inverted dropout: training <c>y = x ⊙ m / (1 − p)</c> (so E[y] = x), evaluation <c>y = x</c>; the backward pass is
/// <c>dx = dy ⊙ m / (1 − p)</c>. At p = 1 every unit is dropped and the output is 0.
/// </summary>
public static class InvertedDropout
{
    /// <summary>The layer's output.</summary>
    public static double[] Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> mask, double p, bool training)
    {
        if (!training)
        {
            return x.ToArray();
        }
        var scale = p < 1 ? 1 / (1 - p) : 0;
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = x[i] * mask[i] * scale;
        }
        return y;
    }

    /// <summary><c>∂L/∂x</c> in training, given <c>∂L/∂y</c>: the same masking and scaling.</summary>
    public static double[] Backward(ReadOnlySpan<double> dy, ReadOnlySpan<double> mask, double p) => Forward(dy, mask, p, training: true);
}
