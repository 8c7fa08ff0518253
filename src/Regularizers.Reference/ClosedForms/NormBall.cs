using Regularizers.Core;

namespace Regularizers.Reference.ClosedForms;

/// <summary>
/// A norm penalty as a constraint (Goodfellow §7.2, seed 004 §1.4): minimising <c>½‖Xw − y‖²</c> subject to
/// <c>‖w‖ ≤ c</c> has the Lagrangian <c>½‖Xw − y‖² + (α/2)(‖w‖² − c²)</c>; at its solution the multiplier α* ≥ 0 makes
/// the constrained optimum equal the ridge solution <c>(XᵀX + α*I)⁻¹Xᵀy</c> with <c>‖w‖ = c</c> (α* = 0 when the
/// unconstrained optimum is already inside the ball). Projected gradient descent — a gradient step, then
/// <see cref="Project"/>, the library's <c>MaxNorm(c)</c> on a single output unit — reaches the same point.
/// </summary>
public static class NormBall
{
    /// <summary><c>w·min(1, c/‖w‖)</c>: the nearest point of the ball ‖w‖ ≤ c.</summary>
    public static double[] Project(ReadOnlySpan<double> w, double radius)
    {
        Guard.Positive(radius);
        var norm = Norm(w);
        var scale = norm > radius ? radius / norm : 1;
        var result = new double[w.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = w[i] * scale;
        }
        return result;
    }

    /// <summary>
    /// α* with <c>‖(XᵀX + α*I)⁻¹Xᵀy‖ = c</c>, found by bisection on <c>log α</c> (the ridge norm falls monotonically as α
    /// grows) to a relative width of 1e-12; 0 when the least-squares optimum has norm ≤ c.
    /// </summary>
    /// <exception cref="ArgumentException">XᵀX is singular (the unconstrained optimum is then not unique).</exception>
    public static double LagrangeMultiplier(Matrix x, ReadOnlySpan<double> y, double radius)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Positive(radius);
        if (Norm(Ridge.LeastSquares(x, y)) <= radius)
        {
            return 0;
        }
        double low = 1e-12, high = 1;
        while (Norm(Ridge.Solve(x, y, high)) > radius)
        {
            high *= 2;
        }
        while (high - low > 1e-12 * high)
        {
            var middle = Math.Sqrt(low * high);
            if (Norm(Ridge.Solve(x, y, middle)) > radius)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /// <summary>‖w‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> w) => Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(w));
}
