namespace Regularizers.Torch.Losses;

/// <summary>How <see cref="LabelSmoothingCrossEntropy"/> spreads ε over K classes.</summary>
public enum LabelSmoothing
{
    /// <summary>Szegedy et al. / PyTorch: target <c>(1−ε)·onehot + ε/K</c> (the correct class gets 1−ε+ε/K). Equals <c>cross_entropy(…, label_smoothing: ε)</c>.</summary>
    Uniform = 0,

    /// <summary>Goodfellow et al. §7.5.1: the correct class gets 1−ε, every other class ε/(K−1).</summary>
    OtherClasses = 1,
}
