using Regularizers.Reference.ClosedForms;
using Regularizers.Torch;
using Regularizers.Torch.Constraints;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.ClosedForms;

/// <summary>
/// Minimising ½‖Xw − y‖² inside ‖w‖ ≤ c by projected gradient descent (SGD then MaxNorm, which on a single output unit is
/// the projection onto the ball) reaches the ridge solution whose Lagrange multiplier α* puts it on the sphere.
/// </summary>
public class NormBallTests
{
    private const double Radius = 3;

    [Fact]
    public void Project_ScalesOnlyVectorsOutsideTheBall()
    {
        Close([0.6, 0.8], NormBall.Project([3, 4], 1), 0, 1e-15);
        Assert.Equal([0.3, 0.4], NormBall.Project([0.3, 0.4], 1));
    }

    [Fact]
    public void LagrangeMultiplier_PutsTheRidgeSolutionOnTheSphere()
    {
        var (x, y) = LinearFit.Data(40, 5, seed: 14);

        var alpha = NormBall.LagrangeMultiplier(x, y, Radius);

        Assert.True(NormBall.Norm(Ridge.LeastSquares(x, y)) > 2 * Radius);
        Assert.Equal(Radius, NormBall.Norm(Ridge.Solve(x, y, alpha)), 9);
    }

    [Fact]
    public void LagrangeMultiplier_OptimumInsideTheBall_IsZero()
    {
        var (x, y) = LinearFit.Data(40, 5, seed: 15);

        Assert.Equal(0, NormBall.LagrangeMultiplier(x, y, 100));
    }

    [Fact]
    public void ProjectedGradientWithMaxNorm_ReachesRidgeAtTheLagrangeMultiplier()
    {
        var (x, y) = LinearFit.Data(40, 5, seed: 16);
        var alpha = NormBall.LagrangeMultiplier(x, y, Radius);

        var trained = LinearFit.Train(x, y, learningRate: 0.01, steps: 1000, new Regularization { new MaxNorm(Radius) });

        Close(Ridge.Solve(x, y, alpha), trained, 1e-4, 1e-4);
        // KKT: ∇½‖Xw − y‖² + α*w = 0 at the constrained optimum, so α* = −⟨w, Xᵀ(Xw − y)⟩/‖w‖².
        var residual = x.Multiply(trained).Zip(y, (p, t) => p - t).ToArray();
        var gradient = x.TransposedMultiply(residual);
        var multiplier = -gradient.Zip(trained, (g, w) => g * w).Sum() / (Radius * Radius);
        Assert.Equal(alpha, multiplier, alpha * 1e-3);
    }
}
