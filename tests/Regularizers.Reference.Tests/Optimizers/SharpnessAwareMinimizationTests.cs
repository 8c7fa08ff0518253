using Regularizers.Reference.Optimizers;
using Parameter = TorchSharp.Modules.Parameter;
using TorchSam = Regularizers.Torch.Optimizers.SharpnessAwareMinimization;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.Optimizers;

/// <summary>SAM and ASAM on the quadratic L(w) = Σ(x·w − y)²: the reference written from the formula, and TorchSharp's wrapper step by step against it.</summary>
public sealed class SharpnessAwareMinimizationTests
{
    private static readonly double[] W0 = [0.5, -1.0, 0.25, 2.0, -0.75, 1.5];
    private static readonly double[,] X = { { 1.0, 0.5, -0.2, 0.3, 0.0, 1.0 }, { 0.1, -1.0, 0.4, 0.2, 0.7, -0.5 }, { 0.3, 0.3, 0.3, -0.6, 1.2, 0.1 } };
    private static readonly double[] Y = [0.7, -0.2, 1.1];

    /// <summary>∇L(w) = 2·xᵀ(x·w − y).</summary>
    private static IReadOnlyList<double[]> Gradient(IReadOnlyList<double[]> parameters)
    {
        var w = parameters[0];
        var g = new double[w.Length];
        for (var i = 0; i < Y.Length; i++)
        {
            var r = -Y[i];
            for (var j = 0; j < w.Length; j++)
            {
                r += X[i, j] * w[j];
            }
            for (var j = 0; j < w.Length; j++)
            {
                g[j] += 2 * X[i, j] * r;
            }
        }
        return [g];
    }

    [Fact]
    public void Perturbation_Sam_IsRhoTimesUnitGradient()
    {
        var sam = new SharpnessAwareMinimization(new Sgd(0.1), rho: 0.05);
        double[] w = [1.0, -2.0];
        double[] g = [3.0, 4.0];

        var e = sam.Perturbation([w], [g]);

        // ‖g‖ = 5 (the 10⁻¹² added to the norm is below the tolerance).
        Assert.Equal([0.05 * 3 / 5, 0.05 * 4 / 5], e[0], new DoubleComparer(1e-12));
    }

    [Fact]
    public void Perturbation_Asam_ScalesByWeightMagnitudes()
    {
        var sam = new SharpnessAwareMinimization(new Sgd(0.1), rho: 0.5, adaptive: true);
        double[] w = [1.0, -2.0];
        double[] g = [3.0, 4.0];

        var e = sam.Perturbation([w], [g]);

        // |w|⊙g = (3, 8) with norm √73, w²⊙g = (3, 16): ε = 0.5·(3, 16)/√73 (the 10⁻¹² in the norm is below the tolerance).
        Assert.Equal([0.5 * 3 / Math.Sqrt(73), 0.5 * 16 / Math.Sqrt(73)], e[0], new DoubleComparer(1e-12));
    }

    [Fact]
    public void Step_Sgd_IsBaseStepWithGradientAtPerturbedWeights()
    {
        var sam = new SharpnessAwareMinimization(new Sgd(0.05), rho: 0.1);
        double[] w = (double[])W0.Clone();
        var g = Gradient([W0])[0];
        var norm = Math.Sqrt(g.Sum(v => v * v));
        var perturbed = W0.Select((v, j) => v + (0.1 * g[j] / norm)).ToArray();
        var gPerturbed = Gradient([perturbed])[0];

        sam.Step([w], Gradient);

        Assert.Equal(W0.Select((v, j) => v - (0.05 * gPerturbed[j])), w, new DoubleComparer(1e-12));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TorchSharp_FiveStepsWithMomentum_MatchReferenceStepByStep(bool adaptive)
    {
        using var w = new Parameter(tensor(W0.Select(v => (float)v).ToArray()));
        using var x = tensor(Enumerable.Range(0, 18).Select(k => (float)X[k / 6, k % 6]).ToArray(), new long[] { 3, 6 });
        using var y = tensor(Y.Select(v => (float)v).ToArray());
        using var inner = optim.SGD(new[] { w }, 0.05, momentum: 0.9);
        var torchSam = new TorchSam(inner, rho: 0.2, adaptive: adaptive);
        var reference = new SharpnessAwareMinimization(new Momentum(0.05, 0.9), rho: 0.2, adaptive: adaptive);
        double[] expected = (double[])W0.Clone();
        Tensor Closure()
        {
            torchSam.zero_grad();
            var loss = x.matmul(w).sub(y).pow(2).sum();
            loss.backward();
            return loss;
        }

        for (var step = 1; step <= 5; step++)
        {
            using (NewDisposeScope())
            {
                torchSam.step(Closure);
            }
            reference.Step([expected], Gradient);
            Close(expected, Doubles(w), TorchRelative, TorchAbsolute);
        }
    }

    private sealed class DoubleComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
