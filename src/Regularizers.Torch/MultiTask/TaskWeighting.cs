namespace Regularizers.Torch.MultiTask;

/// <summary>How a <see cref="MultiTaskModel"/> combines its tasks' losses.</summary>
public enum TaskWeighting
{
    /// <summary><c>L = Σₜ wₜ·Lₜ</c> with each head's fixed <see cref="TaskHead.Weight"/>.</summary>
    Fixed,

    /// <summary>
    /// Homoscedastic uncertainty weighting (Kendall, Gal &amp; Cipolla 2018, eq. 7): one learned <c>sₜ = log σₜ²</c> per
    /// task (initially 0, a model parameter the optimizer steps), and
    /// <c>L = Σₜ wₜ·(cₜ·e^{−sₜ}·Lₜ + ½sₜ)</c> with <c>cₜ = ½</c> for regression (Gaussian likelihood) and 1 for
    /// classification (scaled softmax) — a noisy task's σₜ grows and its loss counts less.
    /// </summary>
    Uncertainty,
}
