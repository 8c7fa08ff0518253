using Regularizers.Core;

namespace Regularizers.Reference.Optimizers;

/// <summary>
/// RMSProp, PyTorch's form (<c>RMSprop(lr = 0.01, alpha = 0.99, eps = 1e-8, weight_decay = 0, momentum = 0, centered = false)</c>):
/// <c>g = ∇ + λ·w</c>, <c>r ← α·r + (1 − α)·g²</c>; centred: <c>ḡ ← α·ḡ + (1 − α)·g</c> and <c>d = √(r − ḡ²) + ε</c>, else
/// <c>d = √r + ε</c>; with momentum <c>b ← μ·b + g/d</c>, <c>w ← w − lr·b</c>, else <c>w ← w − lr·g/d</c>.
/// </summary>
public sealed class RmsProp : IOptimizer
{
    private readonly ParameterState _state = new();

    /// <summary>Creates the optimizer.</summary>
    public RmsProp(double learningRate = 0.01, double alpha = 0.99, double epsilon = 1e-8, double weightDecay = 0, double momentum = 0, bool centered = false, RmsPropEpsilon epsilonPlacement = RmsPropEpsilon.OutsideSquareRoot)
    {
        LearningRate = Guard.Positive(learningRate);
        Alpha = Guard.InRange(alpha, 0, true, 1, true);
        Epsilon = Guard.Positive(epsilon);
        WeightDecay = Guard.NonNegative(weightDecay);
        MomentumFactor = Guard.InRange(momentum, 0, true, 1, false);
        Centered = centered;
        EpsilonPlacement = epsilonPlacement;
    }

    /// <summary>lr.</summary>
    public double LearningRate { get; }

    /// <summary>α, the decay of the squared-gradient average.</summary>
    public double Alpha { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <summary>μ.</summary>
    public double MomentumFactor { get; }

    /// <summary>Whether the variance estimate subtracts the squared mean gradient.</summary>
    public bool Centered { get; }

    /// <summary>PyTorch's ε placement or the seed's.</summary>
    public RmsPropEpsilon EpsilonPlacement { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients)
    {
        ParameterState.Check(parameters, gradients);
        for (var i = 0; i < parameters.Count; i++)
        {
            var (w, grad) = (parameters[i], gradients[i]);
            var r = _state.Get(i, "square_avg", w.Length);
            var mean = _state.Get(i, "grad_avg", w.Length);
            var buffer = _state.Get(i, "momentum_buffer", w.Length);
            for (var j = 0; j < w.Length; j++)
            {
                var g = grad[j] + (WeightDecay * w[j]);
                r[j] = (Alpha * r[j]) + ((1 - Alpha) * g * g);
                var variance = r[j];
                if (Centered)
                {
                    mean[j] = (Alpha * mean[j]) + ((1 - Alpha) * g);
                    variance -= mean[j] * mean[j];
                }
                var d = EpsilonPlacement == RmsPropEpsilon.OutsideSquareRoot ? Math.Sqrt(variance) + Epsilon : Math.Sqrt(variance + Epsilon);
                if (MomentumFactor > 0)
                {
                    buffer[j] = (MomentumFactor * buffer[j]) + (g / d);
                    w[j] -= LearningRate * buffer[j];
                }
                else
                {
                    w[j] -= LearningRate * g / d;
                }
            }
        }
    }
}
