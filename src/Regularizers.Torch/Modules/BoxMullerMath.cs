using System.Numerics;

namespace Regularizers.Torch.Modules;

/// <summary>
/// The two functions Box–Muller needs, in float precision and vectorised: <c>ln u</c> for u in (0, 1], and
/// <c>sin, cos</c> of <c>2π·k/2²⁴</c> for a 24-bit integer k (the angle as a fraction of a turn, so that range reduction is
/// exact integer arithmetic). Polynomials are Cephes' logf, sinf and cosf minimax fits (absolute error below 4e-7 on the
/// ranges used; the tests check it against double-precision Math). Each scalar overload computes the same operations as
/// the vector one, so an element's value does not depend on whether it fell in a vector or in the tail.
/// </summary>
internal static class BoxMullerMath
{
    private const float SqrtHalf = 0.707106781186547524f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;
    private const float QuarterTurnPerStep = MathF.PI / 2 / (1 << 22);

    /// <summary>ln u for normal positive floats: u = m·2ᵉ with m in [√½, √2), ln u = e·ln 2 + log1p(m − 1).</summary>
    public static Vector<float> Log(Vector<float> u)
    {
        var bits = Vector.AsVectorInt32(u);
        var exponent = Vector.ShiftRightArithmetic(bits, 23) - new Vector<int>(126);
        var mantissa = Vector.AsVectorSingle((bits & new Vector<int>(0x007FFFFF)) | new Vector<int>(0x3F000000));
        var small = Vector.LessThan(mantissa, new Vector<float>(SqrtHalf));
        exponent += small; // the mask is -1 where true
        var x = Vector.ConditionalSelect(small, mantissa + mantissa, mantissa) - Vector<float>.One;
        var e = Vector.ConvertToSingle(exponent);
        var z = x * x;
        var y = LogPolynomial(x) * x * z;
        y += e * Ln2Low;
        y -= 0.5f * z;
        return x + y + (e * Ln2High);
    }

    /// <inheritdoc cref="Log(Vector{float})"/>
    public static float Log(float u)
    {
        var bits = BitConverter.SingleToInt32Bits(u);
        var exponent = (bits >> 23) - 126;
        var mantissa = BitConverter.Int32BitsToSingle((bits & 0x007FFFFF) | 0x3F000000);
        var small = mantissa < SqrtHalf;
        exponent -= small ? 1 : 0;
        var x = (small ? mantissa + mantissa : mantissa) - 1f;
        float e = exponent;
        var z = x * x;
        var y = LogPolynomial(x) * x * z;
        y += e * Ln2Low;
        y -= 0.5f * z;
        return x + y + (e * Ln2High);
    }

    /// <summary>
    /// sin and cos of <c>2π·k/2²⁴</c> (k below 2²⁴): k + 2²¹ splits into a quadrant q (its top two bits) and an offset
    /// r in [−2²¹, 2²¹), so θ = r·(π/2)/2²² lies in [−π/4, π/4) and the angle is q·π/2 + θ.
    /// </summary>
    public static (Vector<float> Sin, Vector<float> Cos) SinCosTurn(Vector<uint> k)
    {
        var shifted = k + new Vector<uint>(1 << 21);
        var quadrant = Vector.AsVectorInt32(Vector.ShiftRightLogical(shifted, 22) & new Vector<uint>(3));
        var offset = Vector.AsVectorInt32(shifted & new Vector<uint>(0x3FFFFF)) - new Vector<int>(1 << 21);
        var theta = Vector.ConvertToSingle(offset) * QuarterTurnPerStep;
        var z = theta * theta;
        var sin = (SinPolynomial(z) * z * theta) + theta;
        var cos = (CosPolynomial(z) * z * z) - (0.5f * z) + Vector<float>.One;
        var odd = Vector.Equals(quadrant & Vector<int>.One, Vector<int>.One);
        var sinOfAngle = Vector.ConditionalSelect(odd, cos, sin);
        var cosOfAngle = Vector.ConditionalSelect(odd, sin, cos);
        // sin is negative in quadrants 2 and 3, cos in quadrants 1 and 2.
        var sinNegative = Vector.GreaterThanOrEqual(quadrant, new Vector<int>(2));
        var cosNegative = Vector.Equals(quadrant, Vector<int>.One) | Vector.Equals(quadrant, new Vector<int>(2));
        return (Vector.ConditionalSelect(sinNegative, -sinOfAngle, sinOfAngle), Vector.ConditionalSelect(cosNegative, -cosOfAngle, cosOfAngle));
    }

    /// <inheritdoc cref="SinCosTurn(Vector{uint})"/>
    public static (float Sin, float Cos) SinCosTurn(uint k)
    {
        var shifted = k + (1u << 21);
        var quadrant = (int)((shifted >> 22) & 3);
        var offset = (int)(shifted & 0x3FFFFF) - (1 << 21);
        var theta = offset * QuarterTurnPerStep;
        var z = theta * theta;
        var sin = (SinPolynomial(z) * z * theta) + theta;
        var cos = (CosPolynomial(z) * z * z) - (0.5f * z) + 1f;
        var (s, c) = (quadrant & 1) == 1 ? (cos, sin) : (sin, cos);
        return (quadrant >= 2 ? -s : s, quadrant is 1 or 2 ? -c : c);
    }

    private static Vector<float> LogPolynomial(Vector<float> x) =>
        ((((((((new Vector<float>(7.0376836292e-2f) * x) - new Vector<float>(1.1514610310e-1f)) * x + new Vector<float>(1.1676998740e-1f)) * x
            - new Vector<float>(1.2420140846e-1f)) * x + new Vector<float>(1.4249322787e-1f)) * x - new Vector<float>(1.6668057665e-1f)) * x
            + new Vector<float>(2.0000714765e-1f)) * x - new Vector<float>(2.4999993993e-1f)) * x + new Vector<float>(3.3333331174e-1f);

    private static float LogPolynomial(float x) =>
        ((((((((7.0376836292e-2f * x) - 1.1514610310e-1f) * x + 1.1676998740e-1f) * x - 1.2420140846e-1f) * x + 1.4249322787e-1f) * x
            - 1.6668057665e-1f) * x + 2.0000714765e-1f) * x - 2.4999993993e-1f) * x + 3.3333331174e-1f;

    private static Vector<float> SinPolynomial(Vector<float> z) =>
        (((new Vector<float>(-1.9515295891e-4f) * z) + new Vector<float>(8.3321608736e-3f)) * z) - new Vector<float>(1.6666654611e-1f);

    private static float SinPolynomial(float z) => (((-1.9515295891e-4f * z) + 8.3321608736e-3f) * z) - 1.6666654611e-1f;

    private static Vector<float> CosPolynomial(Vector<float> z) =>
        (((new Vector<float>(2.443315711809948e-5f) * z) - new Vector<float>(1.388731625493765e-3f)) * z) + new Vector<float>(4.166664568298827e-2f);

    private static float CosPolynomial(float z) => (((2.443315711809948e-5f * z) - 1.388731625493765e-3f) * z) + 4.166664568298827e-2f;
}
