namespace Regularizers.Reference.Modules;

/// <summary>
/// Stochastic depth per sample: for an input of N examples with D values each (row-major), training gives
/// <c>yₙ,ᵢ = xₙ,ᵢ·mₙ·s</c> with one keep value <c>mₙ ∈ {0, 1}</c> per example and <c>s = 1/(1−p)</c> (inverted) or 1
/// (classic); inference gives <c>x</c> (inverted) or <c>x·(1−p)</c> (classic).
/// </summary>
public static class DropPath
{
    /// <summary>The layer's output for <paramref name="x"/> of <paramref name="samples"/> examples and their keep values <paramref name="mask"/>.</summary>
    public static double[] Forward(ReadOnlySpan<double> x, int samples, ReadOnlySpan<double> mask, double p, DropoutScaling scaling, bool training)
    {
        var per = x.Length / samples;
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = (training, scaling) switch
            {
                (false, DropoutScaling.Inverted) => x[i],
                (false, _) => x[i] * (1 - p),
                (true, DropoutScaling.Inverted) => x[i] * mask[i / per] / (1 - p),
                _ => x[i] * mask[i / per],
            };
        }
        return y;
    }
}
