using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// SplitMix64 used as a counter-based generator: draw j of a stream is <c>mix(s + (j+1)·γ)</c>, with γ = 0x9E3779B97F4A7C15
/// and mix SplitMix64's finaliser, so any draw is computed from its index alone and a vector computes several at once.
/// The key <c>s</c> is one 63-bit draw from torch's generator, so <c>manual_seed</c> and an explicit generator fix the stream.
/// Why not torch's own sampling: libtorch 2.10's CPU <c>bernoulli_</c> costs about 13 ns per element here, so a
/// [128, 256] dropout mask takes 417 µs through <c>nn.functional.dropout</c> against 44 µs from this stream, and
/// <c>randn_like</c> is about 1.4× the Gaussian sampler built on it (eng/bench <c>choices</c>).
/// </summary>
internal static class SplitMix
{
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// A new float32 tensor shaped like <paramref name="like"/>, filled by <paramref name="fill"/> from a fresh key; null
    /// when <paramref name="like"/> is not a float32 CPU tensor of at most <see cref="Array.MaxLength"/> elements, for the
    /// caller to fall back on torch's own sampling.
    /// </summary>
    public static Tensor? Filled(Tensor like, Generator? generator, SpanAction<float, ulong> fill)
    {
        var n = like.numel();
        if (like.device.type != DeviceType.CPU || like.dtype != ScalarType.Float32 || n > Array.MaxLength)
        {
            return null;
        }
        var buffer = ArrayPool<float>.Shared.Rent((int)n);
        try
        {
            var values = buffer.AsSpan(0, (int)n);
            fill(values, Key(generator));
            var result = empty(like.shape, ScalarType.Float32);
            result.bytes = MemoryMarshal.AsBytes(values);
            return result;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>A fresh key from torch's generator (the default one when <paramref name="generator"/> is null).</summary>
    public static ulong Key(Generator? generator)
    {
        using var draw = randint(0, long.MaxValue, new long[] { 1 }, generator: generator);
        return (ulong)draw.item<long>();
    }

    /// <summary>Draw j of the stream keyed by <paramref name="key"/>.</summary>
    public static ulong Draw(ulong key, long j) => Mix(key + ((ulong)(j + 1) * Gamma));

    /// <summary>The counters <c>s + (j+1+lane)·γ</c> of draws j.. — add <see cref="Stride"/> to move one vector on.</summary>
    public static Vector<ulong> First(ulong key, long j)
    {
        Span<ulong> counters = stackalloc ulong[Vector<ulong>.Count];
        for (var lane = 0; lane < counters.Length; lane++)
        {
            counters[lane] = key + ((ulong)(j + 1 + lane) * Gamma);
        }
        return new Vector<ulong>(counters);
    }

    /// <summary>The counter increment of one vector of draws.</summary>
    public static Vector<ulong> Stride => new((ulong)Vector<ulong>.Count * Gamma);

    public static Vector<ulong> Mix(Vector<ulong> z)
    {
        z = (z ^ Vector.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ Vector.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
        return z ^ Vector.ShiftRightLogical(z, 31);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
