using CsCheck;
using Regularizers.Torch.Constraints;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of every norm constraint's projection over generated weights (rank 2–4, sizes 1–6, float32 and float64;
/// dimension 0 is the output unit) and bounds across their range: the projection keeps shape and dtype, lands inside
/// its set, is idempotent, and leaves alone what is already inside (max-norm, non-negativity).
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class ConstraintProperties
{
    private static readonly Gen<TensorCase> Weights = TensorCase.Floating(minRank: 2);

    private static double[] UnitNorms(TensorCase weight, double[] values)
    {
        var units = (int)weight.Shape[0];
        var per = values.Length / units;
        return Enumerable.Range(0, units).Select(u => Math.Sqrt(values.Skip(u * per).Take(per).Sum(v => v * v))).ToArray();
    }

    private static double[] Projected(IConstraint constraint, TensorCase weight, int times)
    {
        using var w = weight.Create();
        for (var i = 0; i < times; i++)
        {
            constraint.Project(w);
        }
        Assert.Equal(weight.Shape, w.shape);
        Assert.Equal(weight.Dtype, w.dtype);
        return TensorCase.ToDoubles(w);
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"{what}: element {i} is {actual[i]}, expected {expected[i]}");
        }
    }

    [Fact]
    public void MaxNorm_AnyWeight_UnitsWithinTheBoundOthersUntouchedAndIdempotent()
    {
        Property.Check(Gen.Select(Gen.Double[0.01, 20], Weights), (c, weight) =>
        {
            var constraint = new MaxNorm(c);

            var once = Projected(constraint, weight, 1);
            var twice = Projected(constraint, weight, 2);

            var before = UnitNorms(weight, weight.Stored);
            var after = UnitNorms(weight, once);
            var per = once.Length / before.Length;
            for (var u = 0; u < before.Length; u++)
            {
                Assert.True(after[u] <= c * (1 + weight.Tolerance), $"unit {u}: norm {after[u]} above c = {c}");
                if (before[u] <= c)
                {
                    AssertClose(weight.Stored.Skip(u * per).Take(per).ToArray(), once.Skip(u * per).Take(per).ToArray(), 0, $"unit {u} (norm {before[u]} ≤ c = {c})");
                }
            }
            AssertClose(once, twice, weight.Tolerance, "max-norm applied twice");
        });
    }

    [Fact]
    public void UnitNorm_AnyNonZeroWeight_EveryUnitHasNormOneUpToTheEpsilonAndIsIdempotent()
    {
        Property.Check(Weights.Where(w => UnitNorms(w, w.Stored).All(n => n > 1e-3)), weight =>
        {
            var constraint = new UnitNorm();

            var once = Projected(constraint, weight, 1);
            var twice = Projected(constraint, weight, 2);

            // w / (‖w‖ + 1e-7) has norm ‖w‖ / (‖w‖ + 1e-7): 1 up to the epsilon's share.
            var expected = UnitNorms(weight, weight.Stored).Select(n => n / (n + 1e-7)).ToArray();
            AssertClose(expected, UnitNorms(weight, once), 1e-5, "unit norms");
            AssertClose(once, twice, 1e-5 + (1e-7 / UnitNorms(weight, weight.Stored).Min()), "unit-norm applied twice");
        });
    }

    [Fact]
    public void MinMaxNorm_RateOne_EveryNonZeroUnitInsideTheBandUpToTheEpsilonAndIdempotent()
    {
        var band = from low in Gen.Double[0, 5] from width in Gen.Double[0, 5] select (low, low + width);
        Property.Check(Gen.Select(band, Weights.Where(w => UnitNorms(w, w.Stored).All(n => n > 1e-3))), (bounds, weight) =>
        {
            var constraint = new MinMaxNorm(bounds.Item1, bounds.Item2);

            var once = Projected(constraint, weight, 1);
            var twice = Projected(constraint, weight, 2);

            // w · clip(‖w‖) / (‖w‖ + 1e-7) has norm clip(‖w‖) · ‖w‖ / (‖w‖ + 1e-7): in the band up to the epsilon's share.
            var expected = UnitNorms(weight, weight.Stored).Select(n => Math.Clamp(n, bounds.Item1, bounds.Item2) * n / (n + 1e-7)).ToArray();
            AssertClose(expected, UnitNorms(weight, once), 1e-5, $"norms for the band [{bounds.Item1}, {bounds.Item2}]");
            // A second pass moves a unit by its epsilon share again, 1e-7/‖w‖ relative.
            AssertClose(once, twice, 1e-5 + (1e-7 / UnitNorms(weight, weight.Stored).Min()), "min-max-norm applied twice");
        });
    }

    [Fact]
    public void NonNeg_AnyWeight_NegativesBecomeZeroOthersUntouched()
    {
        Property.Check(TensorCase.Floating(), weight =>
        {
            var once = Projected(new NonNeg(), weight, 1);

            AssertClose(weight.Stored.Select(v => Math.Max(v, 0)).ToArray(), once, 0, "non-neg");
        });
    }
}
