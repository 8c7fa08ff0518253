using Regularizers.Core;

namespace Regularizers.Reference.Optimizers;

/// <summary>
/// SGD with momentum, PyTorch's form (<c>SGD(lr, momentum, dampening, weight_decay)</c>): <c>g = ∇ + λ·w</c>;
/// <c>v = g</c> on the first step, then <c>v ← μ·v + (1 − dampening)·g</c>; <c>w ← w − lr·v</c>. (The textbook form
/// <c>v ← μv − lr·g, w ← w + v</c> is the same for a constant lr.)
/// </summary>
public class Momentum : IOptimizer
{
    private readonly ParameterState _state = new();

    /// <summary>Creates the optimizer.</summary>
    public Momentum(double learningRate, double momentum = 0.9, double dampening = 0, double weightDecay = 0)
    {
        LearningRate = Guard.Positive(learningRate);
        MomentumFactor = Guard.InRange(momentum, 0, true, 1, false);
        Dampening = Guard.InRange(dampening, 0, true, 1, true);
        WeightDecay = Guard.NonNegative(weightDecay);
    }

    /// <summary>lr.</summary>
    public double LearningRate { get; }

    /// <summary>μ.</summary>
    public double MomentumFactor { get; }

    /// <summary>Dampening of the gradient in the velocity update.</summary>
    public double Dampening { get; }

    /// <summary>λ (L2 added to the gradient).</summary>
    public double WeightDecay { get; }

    /// <summary>Whether the step looks ahead (<see cref="Nesterov"/>).</summary>
    protected virtual bool LookAhead => false;

    /// <inheritdoc />
    public void Step(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients)
    {
        ParameterState.Check(parameters, gradients);
        for (var i = 0; i < parameters.Count; i++)
        {
            var (w, grad) = (parameters[i], gradients[i]);
            var first = !_state.Has(i, "velocity");
            var v = _state.Get(i, "velocity", w.Length);
            for (var j = 0; j < w.Length; j++)
            {
                var g = grad[j] + (WeightDecay * w[j]);
                v[j] = first ? g : (MomentumFactor * v[j]) + ((1 - Dampening) * g);
                w[j] -= LearningRate * (LookAhead ? g + (MomentumFactor * v[j]) : v[j]);
            }
        }
    }
}
