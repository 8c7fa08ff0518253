using System.Numerics;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Modules;

public class BoxMullerMathTests
{
    private const int Stride = 61;

    /// <summary>Every 61st 24-bit value, and the two ends.</summary>
    private static uint[] Grid() => Enumerable.Range(0, (1 << 24) / Stride).Select(i => (uint)(i * Stride)).Append((1u << 24) - 1).ToArray();

    private static float Uniform(uint k) => (k + 1) / 16777216f;

    private static float[] VectorLog(float[] u)
    {
        var result = new float[u.Length];
        var lanes = Vector<float>.Count;
        var i = 0;
        for (; i + lanes <= u.Length; i += lanes)
        {
            BoxMullerMath.Log(new Vector<float>(u, i)).CopyTo(result, i);
        }
        for (; i < u.Length; i++)
        {
            result[i] = BoxMullerMath.Log(u[i]);
        }
        return result;
    }

    [Fact]
    public void Log_OnTheBoxMullerUniforms_WithinFourTenthsOfAMillionthOfDoubleLog()
    {
        var u = Grid().Select(Uniform).ToArray();

        var logs = VectorLog(u);

        var worst = u.Zip(logs).Max(p => Math.Abs(p.Second - Math.Log(p.First)) / Math.Max(1, -Math.Log(p.First)));
        Assert.InRange(worst, 0, 4e-7);
        Assert.Equal(0f, BoxMullerMath.Log(1f));
    }

    [Fact]
    public void Log_VectorAndScalar_BitIdentical()
    {
        var u = Grid().Select(Uniform).ToArray();

        var vector = VectorLog(u);

        Assert.Equal(u.Select(BoxMullerMath.Log), vector);
    }

    [Fact]
    public void SinCosTurn_EveryQuadrant_WithinFourTenthsOfAMillionthOfDoubleSinCos()
    {
        var k = Grid();
        var lanes = Vector<uint>.Count;
        var worst = 0.0;
        for (var i = 0; i + lanes <= k.Length; i += lanes)
        {
            var (sin, cos) = BoxMullerMath.SinCosTurn(new Vector<uint>(k, i));
            for (var lane = 0; lane < lanes; lane++)
            {
                var angle = 2 * Math.PI * k[i + lane] / (1 << 24);
                worst = Math.Max(worst, Math.Max(Math.Abs(sin[lane] - Math.Sin(angle)), Math.Abs(cos[lane] - Math.Cos(angle))));
                Assert.Equal(BoxMullerMath.SinCosTurn(k[i + lane]), (sin[lane], cos[lane]));
            }
        }

        Assert.InRange(worst, 0, 4e-7);
        Assert.Equal((0f, 1f), BoxMullerMath.SinCosTurn(0u));
        Assert.Equal((1f, 0f), BoxMullerMath.SinCosTurn(1u << 22));
        Assert.Equal((0f, -1f), BoxMullerMath.SinCosTurn(1u << 23));
    }
}
