using System.Numerics;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Dropout masks: a tensor shaped like the input whose elements are <c>keep</c> with probability 1 − p and 0 otherwise.
/// On the CPU, element i survives when draw i of a <see cref="SplitMix"/> stream is ≥ round(p·2⁶⁴): P(keep) = 1 − p to
/// within 2⁻⁶⁴ (plus p's own rounding, ≤ 2⁻⁵³). Float32 tensors only; other devices and types use
/// <c>uniform_(0, 1) ≥ p</c>.
/// </summary>
internal static class BernoulliMask
{
    public static Tensor Like(Tensor like, double p, double keep, Generator? generator)
    {
        var threshold = Threshold(p);
        if (SplitMix.Filled(like, generator, (values, key) => Fill(values, key, threshold, (float)keep)) is { } mask)
        {
            return mask;
        }
        using var uniform = empty_like(like).uniform_(0, 1, generator);
        using var survive = uniform.ge(p);
        return survive.to_type(like.dtype).mul_(keep);
    }

    /// <summary>round(p·2⁶⁴), saturated.</summary>
    private static ulong Threshold(double p) => p >= 1 ? ulong.MaxValue : (ulong)Math.Round(p * 18446744073709551616.0);

    private static void Fill(Span<float> values, ulong key, ulong threshold, float keep)
    {
        var lanes = Vector<ulong>.Count;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var counter = SplitMix.First(key, 0);
            var stride = SplitMix.Stride;
            var limit = new Vector<ulong>(threshold);
            var kept = new Vector<float>(keep);
            for (; i + (2 * lanes) <= values.Length; i += 2 * lanes)
            {
                var first = Vector.GreaterThanOrEqual(SplitMix.Mix(counter), limit);
                counter += stride;
                var second = Vector.GreaterThanOrEqual(SplitMix.Mix(counter), limit);
                counter += stride;
                var survive = Vector.AsVectorSingle(Vector.Narrow(first, second));
                Vector.ConditionalSelect(survive, kept, Vector<float>.Zero).CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++)
        {
            values[i] = SplitMix.Draw(key, i) >= threshold ? keep : 0f;
        }
    }
}
