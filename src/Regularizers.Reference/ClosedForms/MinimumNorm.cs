using Regularizers.Core;
using Regularizers.Reference.LinearAlgebra;

namespace Regularizers.Reference.ClosedForms;

/// <summary>
/// The under-constrained problem (seed 004 §1.5, Goodfellow §7.3): when XᵀX is singular, <c>½‖Xw − y‖²</c> has many
/// minimisers and the normal equations no single solution, but <c>(XᵀX + αI)⁻¹Xᵀy</c> exists for every α &gt; 0 and tends,
/// as α → 0, to the Moore–Penrose solution <c>X⁺y = lim_{α→0} (XᵀX + αI)⁻¹Xᵀy</c>, the minimiser of smallest norm.
/// Computed here from <c>XᵀX = QΛQᵀ</c>: <c>X⁺y = Σ_{λᵢ &gt; tol} qᵢ(qᵢᵀXᵀy)/λᵢ</c>, with
/// <c>tol = 1e-10·λ_max</c>: the eigenvalues of XᵀX that are 0 in exact arithmetic come out of the Jacobi method at
/// about 1e-15·λ_max, and a singular value below 1e-5·σ_max is treated as 0.
/// </summary>
public static class MinimumNorm
{
    /// <summary><c>X⁺y</c>.</summary>
    public static double[] Solve(Matrix x, ReadOnlySpan<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        Ridge.RequireTargets(x, y);
        var eigen = SymmetricEigen.Decompose(Ridge.Gram(x));
        var tolerance = Tolerance(eigen);
        var coordinates = eigen.ToEigenbasis(x.TransposedMultiply(y));
        for (var i = 0; i < coordinates.Length; i++)
        {
            coordinates[i] = eigen.Values[i] > tolerance ? coordinates[i] / eigen.Values[i] : 0;
        }
        return eigen.FromEigenbasis(coordinates);
    }

    /// <summary>
    /// <c>‖w̃(α) − X⁺y‖</c> in closed form: along each eigenvector with λᵢ &gt; 0 the ridge component is
    /// <c>cᵢ/(λᵢ + α)</c> against <c>cᵢ/λᵢ</c> (<c>c = QᵀXᵀy</c>), so the gap is <c>√Σ (cᵢ·α/(λᵢ(λᵢ + α)))²</c> —
    /// linear in α for small α, at most <c>α·‖c‖/λ²_min⁺</c>.
    /// </summary>
    public static double RidgeGap(Matrix x, ReadOnlySpan<double> y, double alpha)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Positive(alpha);
        Ridge.RequireTargets(x, y);
        var eigen = SymmetricEigen.Decompose(Ridge.Gram(x));
        var tolerance = Tolerance(eigen);
        var coordinates = eigen.ToEigenbasis(x.TransposedMultiply(y));
        var sum = 0.0;
        for (var i = 0; i < coordinates.Length; i++)
        {
            var lambda = eigen.Values[i];
            var gap = lambda > tolerance ? coordinates[i] * alpha / (lambda * (lambda + alpha)) : 0;
            sum += gap * gap;
        }
        return Math.Sqrt(sum);
    }

    private const double RelativeTolerance = 1e-10;

    private static double Tolerance(SymmetricEigen gram) => RelativeTolerance * gram.Values[^1];
}
