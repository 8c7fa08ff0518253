namespace Regularizers.Core.Ensembles;

/// <summary>How <see cref="EnsembleCombiner"/> combines the class probabilities of k ensemble members.</summary>
public enum EnsembleCombination
{
    /// <summary>
    /// Each member votes for its most probable class (lowest class index on ties); the combined distribution is the
    /// vote share <c>votes(y) / k</c>.
    /// </summary>
    HardVote,

    /// <summary>The arithmetic mean <c>p(y) = (1/k)·Σ_i p_i(y)</c>, the bagging rule (Goodfellow et al. eq. 7.52).</summary>
    ArithmeticMean,

    /// <summary>
    /// The renormalised geometric mean <c>p(y) ∝ (Π_i p_i(y))^{1/k}</c>, the weight-scaling view of dropout
    /// (Goodfellow et al. eqs. 7.54–7.55).
    /// </summary>
    GeometricMean,
}
