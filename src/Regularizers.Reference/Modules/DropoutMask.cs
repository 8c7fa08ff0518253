using Regularizers.Core;

namespace Regularizers.Reference.Modules;

/// <summary>
/// Bernoulli keep masks: <c>mᵢ = 1</c> with probability 1 − p (kept), 0 with probability p (dropped), drawn as
/// <c>mᵢ = [uᵢ ≥ p]</c> for uᵢ uniform on [0, 1). p is the drop probability, as in PyTorch.
/// </summary>
public static class DropoutMask
{
    /// <summary>A mask of <paramref name="count"/> values drawn from <paramref name="random"/>.</summary>
    public static double[] Draw(int count, double p, Random random)
    {
        Guard.InRange(p, 0, true, 1, true);
        ArgumentNullException.ThrowIfNull(random);
        var mask = new double[count];
        for (var i = 0; i < count; i++)
        {
            mask[i] = random.NextDouble() >= p ? 1 : 0;
        }
        return mask;
    }
}
