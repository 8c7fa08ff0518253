namespace Regularizers.Reference.Penalties;

/// <summary>
/// Parameter tying (Goodfellow et al. §7.9): <c>(λ/2)·‖w_A − w_B‖²</c>, with gradients <c>λ·(w_A − w_B)</c> for w_A and
/// <c>−λ·(w_A − w_B)</c> for w_B.
/// </summary>
public static class ParameterTyingPenalty
{
    /// <summary>The penalty's value.</summary>
    public static double Value(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double strength)
    {
        Require(a, b);
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return strength / 2 * sum;
    }

    /// <summary>The gradients with respect to w_A and w_B.</summary>
    public static (double[] A, double[] B) Gradients(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double strength)
    {
        Require(a, b);
        var ga = new double[a.Length];
        var gb = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            ga[i] = strength * (a[i] - b[i]);
            gb[i] = -ga[i];
        }
        return (ga, gb);
    }

    private static void Require(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Tied parameters must have the same size; received {a.Length} and {b.Length}.");
        }
    }
}
