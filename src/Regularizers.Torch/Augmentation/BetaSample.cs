using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>n draws of Beta(α, α) in float64, as <c>G₁/(G₁ + G₂)</c> with <c>Gᵢ ~ Gamma(α, 1)</c>, from torch's generator.</summary>
internal static class BetaSample
{
    public static Tensor Draw(long n, double alpha, Generator? generator)
    {
        using var scope = NewDisposeScope();
        var concentration = full(new long[] { 2, n }, alpha, ScalarType.Float64);
        var gammas = _standard_gamma(concentration, generator);
        return (gammas[0] / (gammas[0] + gammas[1])).MoveToOuterDisposeScope();
    }
}
