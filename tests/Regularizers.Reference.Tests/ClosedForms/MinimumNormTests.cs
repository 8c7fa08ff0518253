using Regularizers.Reference.ClosedForms;
using Regularizers.Torch;
using Regularizers.Torch.Penalties;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.ClosedForms;

/// <summary>More features than examples: XᵀX is singular, ridge still exists and tends to the Moore–Penrose solution.</summary>
public class MinimumNormTests
{
    [Fact]
    public void Solve_EqualsTorchPinvTimesY()
    {
        var (x, y) = LinearFit.Data(3, 6, seed: 10);
        using var xt = tensor(x.Data, new long[] { 3, 6 }, ScalarType.Float64);
        using var yt = tensor(y, ScalarType.Float64);

        using var pinv = linalg.pinv(xt);
        using var expected = pinv.matmul(yt);

        Close(Doubles(expected), MinimumNorm.Solve(x, y), 1e-10, 1e-10);
    }

    [Fact]
    public void RidgeSolution_AsAlphaShrinks_ApproachesMoorePenroseLinearlyInAlpha()
    {
        var (x, y) = LinearFit.Data(3, 6, seed: 11);
        var pseudoInverse = MinimumNorm.Solve(x, y);
        double[] alphas = [1e-1, 1e-3, 1e-5, 1e-7];

        var gaps = alphas.Select(a => Distance(Ridge.Solve(x, y, a), pseudoInverse)).ToArray();

        Close(alphas.Select(a => MinimumNorm.RidgeGap(x, y, a)).ToArray(), gaps, 1e-6, 1e-12);
        // Each 100× smaller α brings ridge 100× closer (to 1%, the O(α²) term) once α is below the smallest eigenvalue.
        for (var i = 2; i < gaps.Length; i++)
        {
            Assert.Equal(100, gaps[i - 1] / gaps[i], 1.0);
        }
        Assert.True(gaps[^1] < 1e-5, $"gap at α = 1e-7: {gaps[^1]:G3}");
    }

    [Fact]
    public void TrainingFromZeroWithoutPenalty_ConvergesToMoorePenrose()
    {
        // Gradient descent from 0 never leaves the row space of X, where the minimiser is unique: X⁺y.
        var (x, y) = LinearFit.Data(3, 6, seed: 12);

        var trained = LinearFit.Train(x, y, learningRate: 0.1, steps: 2000);

        Close(MinimumNorm.Solve(x, y), trained, 1e-4, 1e-5);
    }

    [Fact]
    public void TrainingWithL2Penalty_OnSingularProblem_ConvergesToRidge()
    {
        var (x, y) = LinearFit.Data(3, 6, seed: 13);

        var trained = LinearFit.Train(x, y, learningRate: 0.1, steps: 2000, new Regularization { new L2Penalty(0.05) });

        Close(Ridge.Solve(x, y, 0.05), trained, 1e-4, 1e-5);
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());
}
