namespace Regularizers.Reference.Optimizers;

/// <summary>Whether <see cref="Adam"/> corrects its moment estimates for their zero initialisation.</summary>
public enum AdamBiasCorrection
{
    /// <summary>PyTorch and Kingma &amp; Ba: <c>m̂ = m/(1 − β₁ᵗ)</c>, <c>v̂ = v/(1 − β₂ᵗ)</c>.</summary>
    Corrected,

    /// <summary>Seed 001's form, <c>w ← w − lr·m/(√v + ε)</c>: the first steps are too small by the factor (1 − β₁ᵗ)/√(1 − β₂ᵗ).</summary>
    Uncorrected,
}
