using Regularizers.Reference.ClosedForms;
using Regularizers.Reference.LinearAlgebra;
using Regularizers.Torch;
using Regularizers.Torch.Penalties;

namespace Regularizers.Reference.Tests.ClosedForms;

/// <summary>L2 on linear regression is ridge regression, and scales w* along the Hessian's eigenvectors by λᵢ/(λᵢ + α).</summary>
public class RidgeTests
{
    private const double Alpha = 5;

    [Fact]
    public void Solve_SatisfiesTheRegularizedNormalEquations()
    {
        var (x, y) = LinearFit.Data(40, 5, seed: 1);

        var w = Ridge.Solve(x, y, Alpha);

        // ∇J = Xᵀ(Xw − y) + αw = 0.
        var residual = x.Multiply(w).Zip(y, (p, t) => p - t).ToArray();
        var gradient = x.TransposedMultiply(residual).Zip(w, (g, wi) => g + (Alpha * wi)).ToArray();
        Tolerances.Close(new double[5], gradient, 0, 1e-11);
    }

    [Fact]
    public void Solve_EqualsLeastSquaresScaledAlongEigenvectors()
    {
        var (x, y) = LinearFit.Data(40, 5, seed: 2);
        var eigen = SymmetricEigen.Decompose(Ridge.Gram(x));

        var scaled = Ridge.ScaleAlongEigenvectors(eigen, Ridge.LeastSquares(x, y), Alpha);

        Tolerances.Close(Ridge.Solve(x, y, Alpha), scaled, 1e-12, 1e-12);
    }

    [Fact]
    public void EigenScaling_IsLambdaOverLambdaPlusAlpha()
    {
        Assert.Equal([0, 0.5, 0.9], Ridge.EigenScaling([0, 2, 18], 2));
    }

    [Fact]
    public void TrainingWithL2Penalty_ConvergesToRidge()
    {
        var (x, y) = LinearFit.Data(40, 5, seed: 3);

        // SGD on ½‖Xw − y‖² + (α/2)‖w‖² contracts by at most max|1 − ε(λᵢ + α)| ≈ 0.7 per step here: 300 steps reach float32.
        var trained = LinearFit.Train(x, y, learningRate: 0.02, steps: 300, new Regularization { new L2Penalty(Alpha) });

        Tolerances.Close(Ridge.Solve(x, y, Alpha), trained, 1e-5, 1e-5);
    }

    [Fact]
    public void TrainingWithL2Penalty_KeepsLambdaOverLambdaPlusAlphaOfEachEigenComponent()
    {
        // Columns of very different scales spread the Hessian's eigenvalues around α, so the factors range from ~0.1 to ~1.
        var (x, y) = LinearFit.Data(40, 4, seed: 4);
        double[] scales = [0.1, 0.5, 1.5, 4];
        for (var r = 0; r < x.Rows; r++)
        {
            for (var c = 0; c < x.Cols; c++)
            {
                x[r, c] *= scales[c];
            }
        }
        var eigen = SymmetricEigen.Decompose(Ridge.Gram(x));
        var optimum = eigen.ToEigenbasis(Ridge.LeastSquares(x, y));

        var trained = eigen.ToEigenbasis(LinearFit.Train(x, y, learningRate: 0.003, steps: 3000, new Regularization { new L2Penalty(Alpha) }));

        var kept = trained.Zip(optimum, (t, o) => t / o).ToArray();
        Tolerances.Close(Ridge.EigenScaling(eigen.Values, Alpha), kept, 1e-4, 1e-4);
        Assert.InRange(kept[0], 0.01, 0.3);
        Assert.InRange(kept[^1], 0.95, 1);
    }

    [Fact]
    public void Solve_NonPositiveAlpha_ThrowsNamingIt()
    {
        var (x, y) = LinearFit.Data(4, 2, seed: 5);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ridge.Solve(x, y, 0));

        Assert.StartsWith("alpha must be a finite number greater than 0. Received: alpha=0.", error.Message);
    }

    [Fact]
    public void Solve_TargetsOfWrongLength_ThrowsNamingBothSizes()
    {
        var (x, _) = LinearFit.Data(4, 2, seed: 6);

        var error = Assert.Throws<ArgumentException>(() => Ridge.Solve(x, [1, 2, 3], 1));

        Assert.StartsWith("y must have one value per row of X (4); received 3.", error.Message);
    }
}
