using Regularizers.Core;

namespace Regularizers.Reference.Modules;

/// <summary>Additive Gaussian noise: training <c>y = x + σ·z</c> with z standard normal, evaluation <c>y = x</c>.</summary>
public static class GaussianNoise
{
    /// <summary>The output for given standard-normal draws z.</summary>
    public static double[] Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> standardNormal, double stddev, bool training)
    {
        Guard.NonNegative(stddev);
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = training ? x[i] + (stddev * standardNormal[i]) : x[i];
        }
        return y;
    }

    /// <summary>A standard normal draw by the Box–Muller transform.</summary>
    public static double StandardNormal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
