using Regularizers.Core;

namespace Regularizers.Reference.Optimizers;

/// <summary>
/// Adam, PyTorch's form (<c>Adam(lr = 1e-3, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0, amsgrad = false)</c>), at
/// step t: <c>m ← β₁·m + (1 − β₁)·g</c>, <c>v ← β₂·v + (1 − β₂)·g²</c> (AMSGrad: <c>v̂max ← max(v̂max, v)</c> used instead of
/// v), <c>w ← w − (lr/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε)</c>. Weight decay per <see cref="AdamWeightDecay"/>
/// (<see cref="AdamWeightDecay.Decoupled"/> with λ = 0.01 is PyTorch's <c>AdamW</c> default).
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly ParameterState _state = new();
    private int _step;

    /// <summary>Creates the optimizer.</summary>
    public Adam(
        double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0,
        AdamWeightDecay decay = AdamWeightDecay.L2, bool amsgrad = false, AdamBiasCorrection biasCorrection = AdamBiasCorrection.Corrected)
    {
        LearningRate = Guard.Positive(learningRate);
        Beta1 = Guard.InRange(beta1, 0, true, 1, false);
        Beta2 = Guard.InRange(beta2, 0, true, 1, false);
        Epsilon = Guard.Positive(epsilon);
        WeightDecay = Guard.NonNegative(weightDecay);
        Decay = decay;
        AmsGrad = amsgrad;
        BiasCorrection = biasCorrection;
    }

    /// <summary>lr.</summary>
    public double LearningRate { get; }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <summary>L2 or decoupled weight decay.</summary>
    public AdamWeightDecay Decay { get; }

    /// <summary>Whether the maximum of past second moments is used.</summary>
    public bool AmsGrad { get; }

    /// <summary>PyTorch's bias correction or the seed's uncorrected form.</summary>
    public AdamBiasCorrection BiasCorrection { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients)
    {
        ParameterState.Check(parameters, gradients);
        _step++;
        var corrected = BiasCorrection == AdamBiasCorrection.Corrected;
        var stepSize = corrected ? LearningRate / (1 - Math.Pow(Beta1, _step)) : LearningRate;
        var secondCorrection = corrected ? Math.Sqrt(1 - Math.Pow(Beta2, _step)) : 1;
        for (var i = 0; i < parameters.Count; i++)
        {
            var (w, grad) = (parameters[i], gradients[i]);
            var m = _state.Get(i, "exp_avg", w.Length);
            var v = _state.Get(i, "exp_avg_sq", w.Length);
            var vMax = _state.Get(i, "max_exp_avg_sq", w.Length);
            for (var j = 0; j < w.Length; j++)
            {
                var g = grad[j];
                if (Decay == AdamWeightDecay.Decoupled)
                {
                    w[j] *= 1 - (LearningRate * WeightDecay);
                }
                else
                {
                    g += WeightDecay * w[j];
                }
                m[j] = (Beta1 * m[j]) + ((1 - Beta1) * g);
                v[j] = (Beta2 * v[j]) + ((1 - Beta2) * g * g);
                vMax[j] = Math.Max(vMax[j], v[j]);
                var second = AmsGrad ? vMax[j] : v[j];
                w[j] -= stepSize * m[j] / ((Math.Sqrt(second) / secondCorrection) + Epsilon);
            }
        }
    }
}
