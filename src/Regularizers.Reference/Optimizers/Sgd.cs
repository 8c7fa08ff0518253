using Regularizers.Core;

namespace Regularizers.Reference.Optimizers;

/// <summary>Plain SGD (PyTorch <c>SGD(lr, weight_decay)</c>): <c>g = ∇ + λ·w</c>, <c>w ← w − lr·g</c>.</summary>
public sealed class Sgd(double learningRate, double weightDecay = 0) : IOptimizer
{
    /// <summary>lr &gt; 0.</summary>
    public double LearningRate { get; } = Guard.Positive(learningRate);

    /// <summary>λ ≥ 0 (L2 added to the gradient).</summary>
    public double WeightDecay { get; } = Guard.NonNegative(weightDecay);

    /// <inheritdoc />
    public void Step(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients)
    {
        ParameterState.Check(parameters, gradients);
        for (var i = 0; i < parameters.Count; i++)
        {
            var (w, grad) = (parameters[i], gradients[i]);
            for (var j = 0; j < w.Length; j++)
            {
                w[j] -= LearningRate * (grad[j] + (WeightDecay * w[j]));
            }
        }
    }
}
