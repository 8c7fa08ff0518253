using Regularizers.Core;
using Regularizers.Reference.LinearAlgebra;

namespace Regularizers.Reference.ClosedForms;

/// <summary>
/// L2-regularized linear regression (Goodfellow §7.1.1, seed 004 §1.4): the minimiser of
/// <c>J(w) = ½‖Xw − y‖² + (α/2)‖w‖²</c> is <c>w̃ = (XᵀX + αI)⁻¹Xᵀy</c>. The penalty is the library's
/// <c>L2Penalty(α)</c> (<c>(λ/2)·Σw²</c>); with the mean squared error <c>(1/n)‖Xw − y‖²</c> instead of <c>½‖Xw − y‖²</c>
/// the same w̃ needs <c>L2Penalty(2α/n)</c>. Along the eigenvectors qᵢ of the Hessian <c>H = XᵀX</c> the penalty scales
/// each component of the unregularized optimum w* by <c>λᵢ/(λᵢ + α)</c> (Goodfellow eq. 7.13):
/// <c>w̃ = Q(Λ + αI)⁻¹ΛQᵀw*</c>.
/// </summary>
public static class Ridge
{
    /// <summary><c>(XᵀX + αI)⁻¹Xᵀy</c> for α &gt; 0 — it exists even when XᵀX is singular (more features than examples).</summary>
    /// <exception cref="ArgumentOutOfRangeException">α is not a finite number &gt; 0.</exception>
    /// <exception cref="ArgumentException">y's length is not X's number of rows.</exception>
    public static double[] Solve(Matrix x, ReadOnlySpan<double> y, double alpha)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Positive(alpha);
        RequireTargets(x, y);
        var gram = Gram(x);
        for (var i = 0; i < gram.Rows; i++)
        {
            gram[i, i] += alpha;
        }
        return Cholesky.Solve(gram, x.TransposedMultiply(y));
    }

    /// <summary>The unregularized least-squares optimum <c>w* = (XᵀX)⁻¹Xᵀy</c>.</summary>
    /// <exception cref="ArgumentException">XᵀX is singular (use <see cref="MinimumNorm.Solve"/>), or y's length is wrong.</exception>
    public static double[] LeastSquares(Matrix x, ReadOnlySpan<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireTargets(x, y);
        return Cholesky.Solve(Gram(x), x.TransposedMultiply(y));
    }

    /// <summary>The Hessian of <c>½‖Xw − y‖²</c>: <c>XᵀX</c>.</summary>
    public static Matrix Gram(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Matrix.TransposedMultiply(x, x);
    }

    /// <summary>The factors <c>λᵢ/(λᵢ + α)</c> by which L2 scales w*'s component along each eigenvector of H.</summary>
    /// <exception cref="ArgumentOutOfRangeException">α is not &gt; 0, or an eigenvalue is negative or not finite.</exception>
    public static double[] EigenScaling(IReadOnlyList<double> eigenvalues, double alpha)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        Guard.Positive(alpha);
        return eigenvalues.Select(lambda => Guard.NonNegative(lambda, nameof(eigenvalues)) / (lambda + alpha)).ToArray();
    }

    /// <summary><c>Q·diag(λᵢ/(λᵢ + α))·Qᵀ·w*</c> for the Hessian's eigendecomposition: the L2 optimum reached from w*.</summary>
    public static double[] ScaleAlongEigenvectors(SymmetricEigen hessian, ReadOnlySpan<double> optimum, double alpha)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        var scaling = EigenScaling(hessian.Values, alpha);
        var coordinates = hessian.ToEigenbasis(optimum);
        for (var i = 0; i < coordinates.Length; i++)
        {
            coordinates[i] *= scaling[i];
        }
        return hessian.FromEigenbasis(coordinates);
    }

    internal static void RequireTargets(Matrix x, ReadOnlySpan<double> y)
    {
        if (y.Length != x.Rows)
        {
            throw new ArgumentException($"y must have one value per row of X ({x.Rows}); received {y.Length}.", nameof(y));
        }
    }
}
