namespace Regularizers.Reference.LinearAlgebra;

/// <summary>
/// Solves <c>A·x = b</c> for a symmetric positive-definite A through its Cholesky factor <c>A = L·Lᵀ</c>
/// (<c>Lⱼⱼ = √(Aⱼⱼ − Σₖ Lⱼₖ²)</c>, <c>Lᵢⱼ = (Aᵢⱼ − Σₖ LᵢₖLⱼₖ)/Lⱼⱼ</c>), then forward and back substitution.
/// </summary>
public static class Cholesky
{
    /// <summary>x with <c>A·x = b</c>.</summary>
    /// <exception cref="ArgumentException">A is not square, b's length differs, or A is not positive definite.</exception>
    public static double[] Solve(Matrix a, ReadOnlySpan<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Cols || b.Length != a.Rows)
        {
            throw new ArgumentException($"Solve needs a square A and a b of its size; received A [{a.Rows}, {a.Cols}] and b [{b.Length}].", nameof(b));
        }
        var n = a.Rows;
        var l = new Matrix(n, n);
        for (var j = 0; j < n; j++)
        {
            for (var i = j; i < n; i++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }
                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        throw new ArgumentException($"A is not positive definite: pivot {j} is {sum:R}. A ridge strength α > 0 makes XᵀX + αI positive definite.", nameof(a));
                    }
                    l[j, j] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * z[k];
            }
            z[i] = sum / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * x[k];
            }
            x[i] = sum / l[i, i];
        }
        return x;
    }
}
