using Regularizers.Core;

namespace Regularizers.Reference.Modules;

/// <summary>
/// Gaussian dropout: training <c>y = x ⊙ e</c> with <c>e ~ N(1, p/(1 − p))</c> — the same mean and variance as inverted
/// dropout's multiplier <c>m/(1 − p)</c> — evaluation <c>y = x</c>.
/// </summary>
public static class GaussianDropout
{
    /// <summary>The standard deviation of the multiplicative noise, <c>√(p/(1 − p))</c>.</summary>
    public static double StandardDeviation(double p) => Math.Sqrt(Guard.InRange(p, 0, true, 1, false) / (1 - p));

    /// <summary>The output for given standard-normal draws z: <c>y = x ⊙ (1 + σ·z)</c>.</summary>
    public static double[] Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> standardNormal, double p, bool training)
    {
        var sigma = StandardDeviation(p);
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = training ? x[i] * (1 + (sigma * standardNormal[i])) : x[i];
        }
        return y;
    }
}
