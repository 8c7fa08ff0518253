namespace Regularizers.Reference.Initialization;

/// <summary>
/// Weight initialisers for a weight of shape [fan_out, fan_in] (seed 001's variance arguments): Xavier/Glorot keeps the
/// variance of activations and gradients equal across layers, <c>Var(w) = gain²·2/(fan_in + fan_out)</c>; He/Kaiming
/// keeps it for ReLU layers, <c>Var(w) = gain²/fan</c> with gain √2 for ReLU, i.e. <c>2/fan_in</c>. A uniform
/// U(−a, a) has variance a²/3, so its bound is <c>a = √(3·Var)</c>.
/// </summary>
public static class Initializers
{
    /// <summary>Xavier uniform: U(−a, a), <c>a = gain·√(6/(fan_in + fan_out))</c>.</summary>
    public static Matrix XavierUniform(int fanOut, int fanIn, Random random, double gain = 1) =>
        Uniform(fanOut, fanIn, gain * Math.Sqrt(6.0 / (fanIn + fanOut)), random);

    /// <summary>Xavier normal: N(0, σ²), <c>σ = gain·√(2/(fan_in + fan_out))</c>.</summary>
    public static Matrix XavierNormal(int fanOut, int fanIn, Random random, double gain = 1) =>
        Normal(fanOut, fanIn, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), random);

    /// <summary>He uniform: U(−a, a), <c>a = gain·√(3/fan)</c>, fan = fan_in unless <paramref name="fanOutMode"/>.</summary>
    public static Matrix HeUniform(int fanOut, int fanIn, Random random, double gain = 1.4142135623730951, bool fanOutMode = false) =>
        Uniform(fanOut, fanIn, gain * Math.Sqrt(3.0 / (fanOutMode ? fanOut : fanIn)), random);

    /// <summary>He normal: N(0, σ²), <c>σ = gain/√fan</c>.</summary>
    public static Matrix HeNormal(int fanOut, int fanIn, Random random, double gain = 1.4142135623730951, bool fanOutMode = false) =>
        Normal(fanOut, fanIn, gain / Math.Sqrt(fanOutMode ? fanOut : fanIn), random);

    private static Matrix Uniform(int rows, int cols, double bound, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var m = new Matrix(rows, cols);
        for (var i = 0; i < m.Data.Length; i++)
        {
            m.Data[i] = ((2 * random.NextDouble()) - 1) * bound;
        }
        return m;
    }

    private static Matrix Normal(int rows, int cols, double std, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var m = new Matrix(rows, cols);
        for (var i = 0; i < m.Data.Length; i++)
        {
            m.Data[i] = std * Modules.GaussianNoise.StandardNormal(random);
        }
        return m;
    }
}
