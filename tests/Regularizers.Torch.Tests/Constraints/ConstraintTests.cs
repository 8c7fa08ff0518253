using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Constraints;

public sealed class ConstraintTests
{
    [Fact]
    public void MaxNorm_Apply_EqualsRenormAndLeavesShortRowsUntouched()
    {
        using var layer = LinearWithRows([3f, 4f], [0.6f, 0.8f], [0f, 10f]);
        using var expected = layer.weight.renorm(2, 0, 2f);

        new MaxNorm(2.0).Apply(layer);

        Assert.Equal(Values(expected), Values(layer.weight));
        Assert.Equal(new[] { 0.6f, 0.8f }, Values(layer.weight)[2..4]);
        Assert.Equal(2.0, Math.Sqrt(Values(layer.weight)[..2].Sum(v => v * v)), 5);
    }

    [Theory]
    [InlineData(0.99999f)]
    [InlineData(1f)]
    [InlineData(1.00001f)]
    public void MaxNorm_RowNormNearC_EqualsRenorm(float scale)
    {
        using var layer = LinearWithRows([0.6f * scale, 0.8f * scale], [0.3f, 0.4f]);
        using var expected = layer.weight.renorm(2, 0, 1f);

        new MaxNorm(1.0).Apply(layer);

        Assert.Equal(Values(expected), Values(layer.weight));
    }

    [Fact]
    public void MaxNorm_RandomWeightsAndShapes_BitIdenticalToRenorm()
    {
        manual_seed(11);
        foreach (var (rows, columns, c) in new[] { (64L, 784L, 0.9), (256L, 256L, 0.5), (10L, 256L, 0.58), (7L, 3L, 1.0) })
        {
            using var layer = nn.Linear(columns, rows);
            using (no_grad())
            {
                layer.weight.normal_(0, 0.04);
            }
            using var expected = layer.weight.renorm(2, 0, (float)c);

            new MaxNorm(c).Apply(layer);

            Assert.Equal(Values(expected), Values(layer.weight));
        }
    }

    [Fact]
    public void MaxNorm_AllRowsWellBelowC_WeightsUnchanged()
    {
        using var layer = LinearWithRows([0.6f, 0.8f], [-0.3f, 0.4f]);
        var before = Values(layer.weight);

        new MaxNorm(3.0).Apply(layer);

        Assert.Equal(before, Values(layer.weight));
    }

    [Fact]
    public void MaxNorm_Apply_LeavesBiasAlone()
    {
        using var layer = LinearWithRows([30f, 40f]);
        using (no_grad())
        {
            layer.bias!.fill_(100f);
        }

        new MaxNorm(1.0).Apply(layer);

        Assert.Equal(new[] { 100f }, Values(layer.bias));
    }

    [Fact]
    public void UnitNorm_Apply_MakesEveryRowNormOne()
    {
        using var layer = LinearWithRows([3f, 4f], [0.1f, 0f]);

        new UnitNorm().Apply(layer);

        Assert.Equal(new[] { 0.6f, 0.8f, 1f, 0f }, Values(layer.weight), new FloatTolerance(1e-5f));
    }

    [Fact]
    public void NonNeg_Apply_ClampsNegativesToZero()
    {
        using var layer = LinearWithRows([-1f, 2f], [3f, -4f]);

        new NonNeg().Apply(layer);

        Assert.Equal(new[] { 0f, 2f, 3f, 0f }, Values(layer.weight));
    }

    [Fact]
    public void MinMaxNorm_RateOne_ClipsNormsIntoBand()
    {
        using var layer = LinearWithRows([3f, 4f], [0.3f, 0.4f], [1.2f, 1.6f]);

        new MinMaxNorm(1.0, 2.0).Apply(layer);

        var w = Values(layer.weight);
        var norms = Enumerable.Range(0, 3).Select(r => Math.Sqrt(w[2 * r] * w[2 * r] + w[2 * r + 1] * w[2 * r + 1])).ToArray();
        Assert.Equal(new[] { 2.0, 1.0, 2.0 }, norms, new DoubleTolerance(1e-5));
    }

    [Fact]
    public void MinMaxNorm_RateHalf_MovesHalfWay()
    {
        using var layer = LinearWithRows([3f, 4f]);

        new MinMaxNorm(0.0, 1.0, rate: 0.5).Apply(layer);

        Assert.Equal(new[] { 0.6f * 3f, 0.8f * 3f }, Values(layer.weight), new FloatTolerance(1e-5f));
    }

    [Theory]
    [InlineData(0.0, "maxValue must be a finite number greater than 0. Received: maxValue=0. (Parameter 'maxValue')\nActual value was 0.")]
    [InlineData(double.NaN, "maxValue must be a finite number greater than 0. Received: maxValue=NaN. (Parameter 'maxValue')\nActual value was NaN.")]
    public void MaxNorm_InvalidMaxValue_ThrowsExactMessage(double maxValue, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MaxNorm(maxValue));

        Assert.Equal(message.Replace("\n", Environment.NewLine, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void MinMaxNorm_MaxBelowMin_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MinMaxNorm(2.0, 1.0));

        Assert.StartsWith("max must be a finite number in the range [2, 1.7976931348623157E+308]. Received: max=1.", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Regression tests for what the constraint properties found (tests/Regularizers.Torch.Tests/Properties).</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class ConstraintRegressionTests
{
    [Fact]
    public void MaxNorm_Float64WeightAndCNotAFloat32_NormAtMostCItself()
    {
        // c rounded to float32 is 2.37831425…, above c: the projection used that rounding for float64 weights too.
        const double c = 2.378314158198541;
        using var weight = tensor(new[] { 7.0, 1.5146152435333082, 3.2427657542151955, -1, 2 }, dtype: ScalarType.Float64).reshape(1, 5);

        new MaxNorm(c).Project(weight);

        using var norm = weight.norm();
        Assert.True(norm.item<double>() <= c, $"norm {norm.item<double>():R} > c = {c:R}");
    }

    [Theory]
    [InlineData("unit_norm")]
    [InlineData("min_max_norm")]
    [InlineData("max_norm")]
    [InlineData("non_neg")]
    public void Project_CalledDirectlyOnAParameter_WorksAndLeavesNoTensorAlive(string name)
    {
        IConstraint constraint = name switch
        {
            "unit_norm" => new UnitNorm(),
            "min_max_norm" => new MinMaxNorm(0.5, 1),
            "max_norm" => new MaxNorm(1),
            _ => new NonNeg(),
        };
        using var layer = nn.Linear(4, 3);
        var before = LiveTensorCount.Settled();

        constraint.Project(layer.weight);

        // Counted without a collection: temporaries left to finalizers hold native memory the GC does not see.
        Assert.Equal(before, Tensor.TotalCount);
    }
}
