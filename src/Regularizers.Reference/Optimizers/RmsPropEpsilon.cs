namespace Regularizers.Reference.Optimizers;

/// <summary>Where RMSProp adds ε.</summary>
public enum RmsPropEpsilon
{
    /// <summary>PyTorch: <c>g/(√r + ε)</c>.</summary>
    OutsideSquareRoot,

    /// <summary>Seed 001 (and Goodfellow Alg. 8.5): <c>g/√(r + ε)</c>; ε then needs to be about ε² of PyTorch's for the same effect.</summary>
    InsideSquareRoot,
}
