using System.Numerics;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Gaussian noise shaped like a tensor: elements ~ N(mean, std²), independent. On the CPU, by Box–Muller from a
/// <see cref="SplitMix"/> stream: draw j gives <c>u₁ = (⌊lo₃₂/2⁸⌋ + 1)·2⁻²⁴ ∈ (0, 1]</c> and <c>u₂ = ⌊hi₃₂/2⁸⌋·2⁻²⁴</c>,
/// <c>r = √(−2 ln u₁)</c>; element j is <c>mean + std·r·cos 2πu₂</c> and element h + j (h = ⌈n/2⌉) is
/// <c>mean + std·r·sin 2πu₂</c>, with ln, sin and cos from <see cref="BoxMullerMath"/>. Float uniforms cap |z| at
/// √(48 ln 2) ≈ 5.77, as libtorch's own float <c>normal_</c> does.
/// Float32 tensors only; other devices and types use <c>normal_</c>.
/// </summary>
internal static class GaussianSample
{
    private const float TwoToMinus24 = 1f / 16777216f;

    public static Tensor Like(Tensor like, double mean, double std, Generator? generator) =>
        SplitMix.Filled(like, generator, (values, key) => Fill(values, key, (float)mean, (float)std))
        ?? empty_like(like).normal_(mean, std, generator);

    private static void Fill(Span<float> values, ulong key, float mean, float std)
    {
        var half = (values.Length + 1) / 2;
        var sines = values.Length - half;
        var lanes = Vector<float>.Count;
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var counter = SplitMix.First(key, 0);
            var stride = SplitMix.Stride;
            var shift = new Vector<float>(mean);
            var scale = new Vector<float>(std);
            for (; j + lanes <= sines; j += lanes)
            {
                var a = SplitMix.Mix(counter);
                counter += stride;
                var b = SplitMix.Mix(counter);
                counter += stride;
                var radius = Radius(Vector.Narrow(a, b));
                var (sin, cos) = BoxMullerMath.SinCosTurn(Vector.ShiftRightLogical(Vector.Narrow(Vector.ShiftRightLogical(a, 32), Vector.ShiftRightLogical(b, 32)), 8));
                (shift + (scale * radius * cos)).CopyTo(values[j..]);
                (shift + (scale * radius * sin)).CopyTo(values[(half + j)..]);
            }
        }
        for (; j < half; j++)
        {
            var z = SplitMix.Draw(key, j);
            var radius = Radius((uint)z);
            var (sin, cos) = BoxMullerMath.SinCosTurn((uint)(z >> 32) >> 8);
            values[j] = mean + (std * radius * cos);
            if (j < sines)
            {
                values[half + j] = mean + (std * radius * sin);
            }
        }
    }

    /// <summary><c>√(−2 ln u₁)</c> with <c>u₁ = (⌊lo₃₂/2⁸⌋ + 1)·2⁻²⁴</c>.</summary>
    private static Vector<float> Radius(Vector<uint> low)
    {
        var u1 = Vector.ConvertToSingle(Vector.ShiftRightLogical(low, 8) + Vector<uint>.One) * TwoToMinus24;
        return Vector.SquareRoot(-2 * BoxMullerMath.Log(u1));
    }

    /// <inheritdoc cref="Radius(Vector{uint})"/>
    private static float Radius(uint low) => MathF.Sqrt(-2 * BoxMullerMath.Log(((low >> 8) + 1) * TwoToMinus24));
}
