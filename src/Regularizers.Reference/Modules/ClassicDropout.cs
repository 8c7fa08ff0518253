namespace Regularizers.Reference.Modules;

/// <summary>
/// Classic dropout (Srivastava et al. 2014): training <c>y = x ⊙ m</c>, evaluation <c>y = (1 − p)·x</c> — the
/// weight-scaling inference rule, matching the expected training output. Backward in training: <c>dx = dy ⊙ m</c>.
/// </summary>
public static class ClassicDropout
{
    /// <summary>The layer's output.</summary>
    public static double[] Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> mask, double p, bool training)
    {
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = training ? x[i] * mask[i] : x[i] * (1 - p);
        }
        return y;
    }

    /// <summary><c>∂L/∂x</c> in training.</summary>
    public static double[] Backward(ReadOnlySpan<double> dy, ReadOnlySpan<double> mask) => Forward(dy, mask, 0, training: true);
}
