using Regularizers.Reference.LinearAlgebra;

namespace Regularizers.Reference.Tests.LinearAlgebra;

/// <summary>The Cholesky solve and the Jacobi eigendecomposition the closed forms are built on.</summary>
public class LinearAlgebraTests
{
    [Fact]
    public void CholeskySolve_ResidualIsZero()
    {
        var a = Matrices.Random(6, 4, new Random(1));
        var spd = Matrix.TransposedMultiply(a, a);
        double[] b = [1, -2, 0.5, 3];

        var x = Cholesky.Solve(spd, b);

        Tolerances.Close(b, spd.Multiply(x), 0, 1e-12);
    }

    [Fact]
    public void CholeskySolve_SingularMatrix_ThrowsNamingTheRemedy()
    {
        var singular = new Matrix(2, 2, [1, 1, 1, 1]);

        var error = Assert.Throws<ArgumentException>(() => Cholesky.Solve(singular, [1, 1]));

        Assert.StartsWith("A is not positive definite: pivot 1 is 0. A ridge strength α > 0 makes XᵀX + αI positive definite.", error.Message);
    }

    [Fact]
    public void SymmetricEigen_Decompose_ReconstructsTheMatrixWithOrthonormalVectors()
    {
        var a = Matrices.Random(7, 5, new Random(2));
        var h = Matrix.TransposedMultiply(a, a);

        var eigen = SymmetricEigen.Decompose(h);

        var q = eigen.Vectors;
        var scaled = q.Clone();
        for (var r = 0; r < 5; r++)
        {
            for (var k = 0; k < 5; k++)
            {
                scaled[r, k] *= eigen.Values[k];
            }
        }
        Tolerances.Close(h.Data, Matrix.MultiplyTransposed(scaled, q).Data, 0, 1e-12);
        Tolerances.Close(Matrix.Identity(5).Data, Matrix.TransposedMultiply(q, q).Data, 0, 1e-12);
        Assert.Equal(eigen.Values.Order(), eigen.Values);
    }

    [Fact]
    public void SymmetricEigen_Decompose_MatchesTorchEigvalsh()
    {
        var a = Matrices.Random(7, 5, new Random(3));
        var h = Matrix.TransposedMultiply(a, a);
        using var torchH = tensor(h.Data, new long[] { 5, 5 }, ScalarType.Float64);

        using var values = linalg.eigvalsh(torchH);

        Tolerances.Close(Tolerances.Doubles(values), SymmetricEigen.Decompose(h).Values, 1e-12, 1e-12);
    }

    [Fact]
    public void SymmetricEigen_NonSymmetricMatrix_ThrowsNamingTheEntries()
    {
        var error = Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new Matrix(2, 2, [1, 2, 3, 4])));

        Assert.StartsWith("A must be symmetric; A[1, 0] = 3 but A[0, 1] = 2.", error.Message);
    }
}
