using CsCheck;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of every weight penalty over generated weights (rank 1–4, sizes 1–6, float32 and float64) and strengths
/// across their range: φ ≥ 0, φ(0) = 0, φ equals its formula, ∇φ has w's shape and dtype, is finite, and is φ's
/// derivative (a central difference along a random direction).
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class PenaltyProperties
{
    /// <summary>A penalty with its formula in plain double arithmetic.</summary>
    public sealed record Case(string Name, IWeightPenalty Penalty, Func<double[], double> Formula, bool Smooth)
    {
        public override string ToString() => Name;
    }

    private static readonly Gen<double> Strength = Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 10], Gen.Double[1e-6, 1e-3]);

    private static readonly Gen<Case> Penalties = Gen.OneOf(
        Strength.Select(l => new Case($"L1({l:R})", new L1Penalty(l), w => l * w.Sum(Math.Abs), Smooth: false)),
        Strength.Select(l => new Case($"L2({l:R})", new L2Penalty(l), w => l / 2 * w.Sum(x => x * x), Smooth: true)),
        Gen.Select(Strength, Strength, (a, b) => new Case($"ElasticNet({a:R}, {b:R})", new ElasticNetPenalty(a, b), w => (a * w.Sum(Math.Abs)) + (b / 2 * w.Sum(x => x * x)), Smooth: false)));

    [Fact]
    public void Value_AnyWeight_NonNegativeAndEqualToItsFormula()
    {
        Property.Check(Gen.Select(Penalties, TensorCase.Floating()), (penalty, weight) =>
        {
            using var w = weight.Create();

            var value = penalty.Penalty.Value(w);

            var expected = penalty.Formula(weight.Stored);
            Assert.True(value >= 0, $"{penalty}: φ = {value}");
            // Relative to φ, and absolute below 1e-30, where squares of tiny float32 weights underflow to 0.
            Assert.True(Math.Abs(value - expected) <= (weight.Tolerance * expected) + 1e-30, $"{penalty}: φ = {value}, formula {expected}");
        });
    }

    [Fact]
    public void Value_ZeroWeight_IsZero()
    {
        Property.Check(Gen.Select(Penalties, TensorCase.Floating()), (penalty, weight) =>
        {
            using var w = zeros(weight.Shape, weight.Dtype);

            Assert.Equal(0.0, penalty.Penalty.Value(w));
        });
    }

    [Fact]
    public void Gradient_AnyWeight_ShapedLikeTheWeightFiniteAndTheDerivative()
    {
        var direction = Gen.Double[-1, 1].Array[6 * 6 * 6 * 6];
        Property.Check(Gen.Select(Penalties, TensorCase.Floating(scale: 3), direction), (penalty, weight, d) =>
        {
            using var w = weight.Create();

            using var gradient = penalty.Penalty.Gradient(w);

            Assert.Equal(weight.Shape, gradient.shape);
            Assert.Equal(weight.Dtype, gradient.dtype);
            Assert.True(TensorCase.AllFinite(gradient), $"{penalty}: non-finite gradient");
            // φ(w + h·d) − φ(w − h·d) ≈ 2h·⟨∇φ, d⟩ in float64. |·| is not differentiable at 0, so for L1 terms the
            // direction leaves out every wᵢ within 2h of 0, where a step could change its sign.
            const double step = 1e-4;
            var values = weight.Stored;
            var along = values.Select((v, i) => !penalty.Smooth && Math.Abs(v) < 2 * step ? 0 : d[i]).ToArray();
            var up = penalty.Formula(values.Select((v, i) => v + (step * along[i])).ToArray());
            var down = penalty.Formula(values.Select((v, i) => v - (step * along[i])).ToArray());
            var analytic = TensorCase.ToDoubles(gradient).Select((g, i) => g * along[i]).Sum();
            var numeric = (up - down) / (2 * step);
            Assert.True(Math.Abs(analytic - numeric) <= 1e-4 * (1 + Math.Abs(numeric)), $"{penalty}: ⟨∇φ, d⟩ = {analytic}, central difference {numeric}");
        });
    }
}
