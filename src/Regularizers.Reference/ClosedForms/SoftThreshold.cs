using Regularizers.Core;

namespace Regularizers.Reference.ClosedForms;

/// <summary>
/// L1 on a quadratic with diagonal Hessian (Goodfellow §7.1.2, seed 000 "函数解稀疏性影响"): the minimiser of
/// <c>Ĵ(w) = Σᵢ ½Hᵢᵢ(wᵢ − w*ᵢ)² + α·Σᵢ|wᵢ|</c> (the library's <c>L1Penalty(α)</c>) is, coordinate by coordinate,
/// <c>wᵢ = sign(w*ᵢ)·max(|w*ᵢ| − α/Hᵢᵢ, 0)</c>: every coordinate with <c>|w*ᵢ| ≤ α/Hᵢᵢ</c> is exactly 0.
/// </summary>
public static class SoftThreshold
{
    /// <summary>The L1 optimum from the unregularized optimum w* and the Hessian's diagonal.</summary>
    /// <exception cref="ArgumentOutOfRangeException">α is negative or not finite, or a diagonal entry is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">The two spans differ in length.</exception>
    public static double[] Solve(ReadOnlySpan<double> optimum, ReadOnlySpan<double> hessianDiagonal, double alpha)
    {
        Guard.NonNegative(alpha);
        if (optimum.Length != hessianDiagonal.Length)
        {
            throw new ArgumentException($"hessianDiagonal must have one entry per weight ({optimum.Length}); received {hessianDiagonal.Length}.", nameof(hessianDiagonal));
        }
        var result = new double[optimum.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var h = Guard.Positive(hessianDiagonal[i], nameof(hessianDiagonal));
            result[i] = Shrink(optimum[i], alpha / h);
        }
        return result;
    }

    /// <summary><c>sign(v)·max(|v| − t, 0)</c>, the proximal operator of <c>t·|·|</c>; a zero result is +0.</summary>
    public static double Shrink(double value, double threshold)
    {
        var magnitude = Math.Abs(value) - threshold;
        return magnitude > 0 ? Math.Sign(value) * magnitude : 0;
    }
}
