using Regularizers.Core;

namespace Regularizers.Reference.Optimizers;

/// <summary>
/// AdaGrad, PyTorch's form (<c>Adagrad(lr = 0.01, lr_decay = 0, weight_decay = 0, initial_accumulator_value = 0, eps = 1e-10)</c>):
/// at step t, <c>g = ∇ + λ·w</c>, <c>r ← r + g²</c>, <c>w ← w − lr/(1 + (t − 1)·lr_decay) · g/(√r + ε)</c>.
/// </summary>
public sealed class AdaGrad : IOptimizer
{
    private readonly ParameterState _state = new();
    private int _step;

    /// <summary>Creates the optimizer.</summary>
    public AdaGrad(double learningRate = 0.01, double learningRateDecay = 0, double weightDecay = 0, double initialAccumulatorValue = 0, double epsilon = 1e-10)
    {
        LearningRate = Guard.Positive(learningRate);
        LearningRateDecay = Guard.NonNegative(learningRateDecay);
        WeightDecay = Guard.NonNegative(weightDecay);
        InitialAccumulatorValue = Guard.NonNegative(initialAccumulatorValue);
        Epsilon = Guard.Positive(epsilon);
    }

    /// <summary>lr.</summary>
    public double LearningRate { get; }

    /// <summary>lr_decay.</summary>
    public double LearningRateDecay { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <summary>r's starting value.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients)
    {
        ParameterState.Check(parameters, gradients);
        _step++;
        var lr = LearningRate / (1 + ((_step - 1) * LearningRateDecay));
        for (var i = 0; i < parameters.Count; i++)
        {
            var (w, grad) = (parameters[i], gradients[i]);
            var r = _state.Get(i, "sum", w.Length, InitialAccumulatorValue);
            for (var j = 0; j < w.Length; j++)
            {
                var g = grad[j] + (WeightDecay * w[j]);
                r[j] += g * g;
                w[j] -= lr * g / (Math.Sqrt(r[j]) + Epsilon);
            }
        }
    }
}
