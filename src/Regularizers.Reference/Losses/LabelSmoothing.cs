namespace Regularizers.Reference.Losses;

/// <summary>How label smoothing spreads ε.</summary>
public enum LabelSmoothing
{
    /// <summary>Over all K classes: <c>q = (1 − ε)·onehot + ε/K</c> (Szegedy et al.; PyTorch's <c>label_smoothing</c>).</summary>
    Uniform,

    /// <summary>Over the other classes: <c>1 − ε</c> on the correct class, <c>ε/(K − 1)</c> elsewhere (Goodfellow et al. §7.5.1).</summary>
    OtherClasses,
}
