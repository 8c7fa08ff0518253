using Regularizers.Core;

namespace Regularizers.Reference.Optimizers;

/// <summary>
/// Sharpness-aware minimization (Foret et al. 2021) and ASAM (Kwon et al. 2021), written out. One step with the loss's
/// gradient function ∇L: <c>g = ∇L(w)</c>; SAM <c>ε = ρ·g/(‖g‖ + 10⁻¹²)</c>, ASAM
/// <c>ε = ρ·|w|²⊙g/(‖|w|⊙g‖ + 10⁻¹²)</c>, the norm over all parameters; <c>g' = ∇L(w + ε)</c>; then the base optimizer's
/// step from w with g'.
/// </summary>
public sealed class SharpnessAwareMinimization(IOptimizer baseOptimizer, double rho, bool adaptive = false)
{
    private readonly IOptimizer _base = baseOptimizer ?? throw new ArgumentNullException(nameof(baseOptimizer));

    /// <summary>ρ &gt; 0.</summary>
    public double Rho { get; } = Guard.Positive(rho);

    /// <summary>True for ASAM.</summary>
    public bool Adaptive { get; } = adaptive;

    /// <summary>The perturbation ε for <paramref name="parameters"/> with gradients <paramref name="gradients"/>.</summary>
    public double[][] Perturbation(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients)
    {
        ParameterState.Check(parameters, gradients);
        double squares = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            for (var j = 0; j < parameters[i].Length; j++)
            {
                var scaled = (Adaptive ? Math.Abs(parameters[i][j]) : 1) * gradients[i][j];
                squares += scaled * scaled;
            }
        }
        var scale = Rho / (Math.Sqrt(squares) + 1e-12);
        return parameters.Select((w, i) => w.Select((v, j) => (Adaptive ? v * v : 1) * gradients[i][j] * scale).ToArray()).ToArray();
    }

    /// <summary>One SAM step of <paramref name="parameters"/> in place; <paramref name="gradient"/> returns ∇L at the weights it is given.</summary>
    public void Step(IReadOnlyList<double[]> parameters, Func<IReadOnlyList<double[]>, IReadOnlyList<double[]>> gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        var e = Perturbation(parameters, gradient(parameters));
        var perturbed = parameters.Select((w, i) => w.Select((v, j) => v + e[i][j]).ToArray()).ToArray();
        _base.Step(parameters, gradient(perturbed));
    }
}
