namespace Regularizers.Reference.LinearAlgebra;

/// <summary>
/// The eigendecomposition <c>A = Q·Λ·Qᵀ</c> of a symmetric matrix by the cyclic Jacobi method: plane rotations zero
/// each off-diagonal element in turn until the off-diagonal sum of squares falls below <c>1e-30·‖A‖²_F</c>. Eigenvalues
/// ascend; column k of <see cref="Vectors"/> is the unit eigenvector of <c>Values[k]</c>.
/// </summary>
/// <param name="Values">λ₁ ≤ … ≤ λₙ.</param>
/// <param name="Vectors">Q, orthogonal, eigenvectors in columns.</param>
public sealed record SymmetricEigen(double[] Values, Matrix Vectors)
{
    private const int MaxSweeps = 100;

    /// <summary>Decomposes <paramref name="a"/> (not modified).</summary>
    /// <exception cref="ArgumentException">A is not square or not symmetric.</exception>
    public static SymmetricEigen Decompose(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        RequireSymmetric(a);
        var n = a.Rows;
        var m = a.Clone();
        var q = Matrix.Identity(n);
        var scale = m.Data.Sum(v => v * v);
        for (var sweep = 0; sweep < MaxSweeps && OffDiagonal(m) > 1e-30 * scale; sweep++)
        {
            for (var p = 0; p < n - 1; p++)
            {
                for (var r = p + 1; r < n; r++)
                {
                    Rotate(m, q, p, r);
                }
            }
        }
        var order = Enumerable.Range(0, n).OrderBy(i => m[i, i]).ToArray();
        var vectors = new Matrix(n, n);
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                vectors[i, k] = q[i, order[k]];
            }
        }
        return new SymmetricEigen(order.Select(i => m[i, i]).ToArray(), vectors);
    }

    /// <summary><c>Qᵀ·v</c>: v's coordinates along the eigenvectors.</summary>
    public double[] ToEigenbasis(ReadOnlySpan<double> v) => Vectors.TransposedMultiply(v);

    /// <summary><c>Q·c</c>: the vector whose eigen-coordinates are c.</summary>
    public double[] FromEigenbasis(ReadOnlySpan<double> c) => Vectors.Multiply(c);

    private static void RequireSymmetric(Matrix a)
    {
        if (a.Rows != a.Cols)
        {
            throw new ArgumentException($"A must be square; received [{a.Rows}, {a.Cols}].", nameof(a));
        }
        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(a[i, j] - a[j, i]) > 1e-12 * (Math.Abs(a[i, j]) + Math.Abs(a[j, i]) + 1))
                {
                    throw new ArgumentException($"A must be symmetric; A[{i}, {j}] = {a[i, j]:R} but A[{j}, {i}] = {a[j, i]:R}.", nameof(a));
                }
            }
        }
    }

    private static double OffDiagonal(Matrix m)
    {
        var sum = 0.0;
        for (var i = 0; i < m.Rows; i++)
        {
            for (var j = 0; j < m.Cols; j++)
            {
                sum += i == j ? 0 : m[i, j] * m[i, j];
            }
        }
        return sum;
    }

    // One Jacobi rotation in the (p, r) plane chosen so that m[p, r] becomes 0 (Golub & Van Loan, Algorithm 8.5.1).
    private static void Rotate(Matrix m, Matrix q, int p, int r)
    {
        if (m[p, r] == 0)
        {
            return;
        }
        var theta = (m[r, r] - m[p, p]) / (2 * m[p, r]);
        var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        var c = 1 / Math.Sqrt((t * t) + 1);
        var s = t * c;
        for (var k = 0; k < m.Rows; k++)
        {
            var (mkp, mkr) = (m[k, p], m[k, r]);
            m[k, p] = (c * mkp) - (s * mkr);
            m[k, r] = (s * mkp) + (c * mkr);
        }
        for (var k = 0; k < m.Rows; k++)
        {
            var (mpk, mrk) = (m[p, k], m[r, k]);
            m[p, k] = (c * mpk) - (s * mrk);
            m[r, k] = (s * mpk) + (c * mrk);
        }
        for (var k = 0; k < q.Rows; k++)
        {
            var (qkp, qkr) = (q[k, p], q[k, r]);
            q[k, p] = (c * qkp) - (s * qkr);
            q[k, r] = (s * qkp) + (c * qkr);
        }
    }
}
