namespace Regularizers.Reference.Optimizers;

/// <summary>How <see cref="Adam"/> applies weight decay λ.</summary>
public enum AdamWeightDecay
{
    /// <summary>Added to the gradient, <c>g = ∇ + λ·w</c> (PyTorch's <c>Adam(weight_decay)</c>): then rescaled by the adaptive denominator.</summary>
    L2,

    /// <summary>Applied to the weights before the step, <c>w ← w·(1 − lr·λ)</c> (PyTorch's <c>AdamW</c>, Loshchilov &amp; Hutter): not rescaled.</summary>
    Decoupled,
}
