using Regularizers.Reference.ClosedForms;
using Regularizers.Torch;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Penalties;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.ClosedForms;

/// <summary>
/// L1 on a quadratic with diagonal Hessian is the soft threshold sign(w*ᵢ)·max(|w*ᵢ| − α/Hᵢᵢ, 0). The quadratic is
/// linear regression on orthogonal columns: X = Q·diag(√H) with QᵀQ = I, so XᵀX = diag(H).
/// </summary>
public class SoftThresholdTests
{
    private const double Alpha = 1;
    private const double LearningRate = 0.05;
    private const int Steps = 1000;
    private static readonly double[] Hessian = [4, 1, 2, 0.5, 3, 1];
    private static readonly double[] Optimum = [2, -0.3, 0.2, -3, -0.1, 1.5];

    [Fact]
    public void Solve_ShrinksByAlphaOverHAndZeroesTheRest()
    {
        // Thresholds α/H = [0.25, 1, 0.5, 2, 1/3, 1].
        Assert.Equal([1.75, 0, 0, -1, 0, 0.5], SoftThreshold.Solve(Optimum, Hessian, Alpha));
    }

    [Fact]
    public void Solve_SatisfiesTheSubgradientOptimalityCondition()
    {
        var w = SoftThreshold.Solve(Optimum, Hessian, Alpha);

        for (var i = 0; i < w.Length; i++)
        {
            var smooth = Hessian[i] * (w[i] - Optimum[i]);
            // 0 ∈ Hᵢ(wᵢ − w*ᵢ) + α·∂|wᵢ|: equality with α·sign(wᵢ) off zero, |Hᵢ(wᵢ − w*ᵢ)| ≤ α at zero.
            if (w[i] != 0)
            {
                Assert.Equal(0, smooth + (Alpha * Math.Sign(w[i])), 12);
            }
            else
            {
                Assert.InRange(Math.Abs(smooth), 0, Alpha);
            }
        }
    }

    [Fact]
    public void TrainingWithL1Subgradient_ReachesTheNonZerosButOnlyHoversNearTheZeros()
    {
        var (x, y) = Quadratic();
        var expected = SoftThreshold.Solve(Ridge.LeastSquares(x, y), Hessian, Alpha);

        var trained = LinearFit.Train(x, y, LearningRate, Steps, new Regularization { new L1Penalty(Alpha) });

        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] != 0)
            {
                Assert.Equal(expected[i], trained[i], 1e-4);
            }
            else
            {
                // Each step moves wᵢ by ε·(Hᵢ(wᵢ − w*ᵢ) ± α), so it jumps across 0 within that band instead of resting on it.
                Assert.InRange(Math.Abs(trained[i]), 0, LearningRate * (Alpha + (Hessian[i] * Math.Abs(Optimum[i]))));
            }
        }
        Assert.DoesNotContain(trained, w => w == 0);
    }

    [Fact]
    public void TrainingWithL1Proximal_ReachesTheSoftThresholdWithExactZeros()
    {
        var (x, y) = Quadratic();
        var expected = SoftThreshold.Solve(Ridge.LeastSquares(x, y), Hessian, Alpha);

        // Proximal gradient descent: SGD on ½‖Xw − y‖² alone, then w ← sign(w)·max(|w| − ε·α, 0) after each step.
        var trained = LinearFit.Train(x, y, LearningRate, Steps, new Regularization { new L1Proximal(new L1Penalty(Alpha), LearningRate) });

        Close(expected, trained, 1e-5, 1e-5);
        Assert.Equal(expected.Select(w => w == 0), trained.Select(w => w == 0));
        Assert.Equal(3, trained.Count(w => w == 0));
    }

    [Fact]
    public void Solve_NonPositiveHessianEntry_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SoftThreshold.Solve([1, 2], [1, 0], 1));

        Assert.StartsWith("hessianDiagonal must be a finite number greater than 0. Received: hessianDiagonal=0.", error.Message);
    }

    private static (Matrix X, double[] Y) Quadratic()
    {
        manual_seed(8);
        using var random = randn(20, Hessian.Length, ScalarType.Float64);
        var (q, r) = linalg.qr(random);
        using (r)
        using (q)
        {
            var basis = new Matrix(20, Hessian.Length, Doubles(q));
            var x = new Matrix(20, Hessian.Length);
            for (var i = 0; i < 20; i++)
            {
                for (var j = 0; j < Hessian.Length; j++)
                {
                    x[i, j] = basis[i, j] * Math.Sqrt(Hessian[j]);
                }
            }
            return (x, x.Multiply(Optimum));
        }
    }
}
