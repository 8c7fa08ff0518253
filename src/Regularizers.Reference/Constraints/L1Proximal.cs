using Regularizers.Core;
using Regularizers.Reference.ClosedForms;

namespace Regularizers.Reference.Constraints;

/// <summary>The reference twin of the torch <c>L1Proximal</c> step.</summary>
public static class L1Proximal
{
    /// <summary>Every weight becomes <c>sign(w)·max(|w| − ε·λ, 0)</c>, the proximal operator of <c>ε·λ·‖w‖₁</c>.</summary>
    public static void Apply(Span<double> weights, double strength, double learningRate)
    {
        var threshold = Guard.NonNegative(strength) * Guard.Positive(learningRate);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = SoftThreshold.Shrink(weights[i], threshold);
        }
    }
}
