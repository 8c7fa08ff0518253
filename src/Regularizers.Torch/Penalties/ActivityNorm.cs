namespace Regularizers.Torch.Penalties;

/// <summary>The norm an <see cref="ActivityPenalty"/> applies to a layer's outputs.</summary>
public enum ActivityNorm
{
    /// <summary>λ·Σ|a|: sparse activations.</summary>
    L1 = 0,

    /// <summary>(λ/2)·Σa²: small activations.</summary>
    L2 = 1,
}
