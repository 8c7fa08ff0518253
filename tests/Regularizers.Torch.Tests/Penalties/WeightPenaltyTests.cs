using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Penalties;

/// <summary>L1, L2 and elastic net: values, gradients and second derivatives against their formulas and autograd, one penalty at a time.</summary>
public sealed class WeightPenaltyTests
{
    [Fact]
    public void L1Penalty_Compute_EqualsLambdaTimesSumOfAbsoluteWeights()
    {
        using var model = Mlp();
        using var value = new L1Penalty(0.3).Compute(model);

        Assert.Equal(0.3 * OverWeights(model, Math.Abs), Scalar(value), 5);
    }

    [Fact]
    public void L2Penalty_Compute_EqualsHalfLambdaTimesSumOfSquares()
    {
        using var model = Mlp();
        using var value = new L2Penalty(0.3).Compute(model);

        Assert.Equal(0.15 * OverWeights(model, w => w * w), Scalar(value), 5);
    }

    [Fact]
    public void ElasticNetPenalty_Compute_EqualsL1PlusL2()
    {
        using var model = Mlp();
        using var value = new ElasticNetPenalty(0.2, 0.4).Compute(model);

        Assert.Equal(0.2 * OverWeights(model, Math.Abs) + 0.2 * OverWeights(model, w => w * w), Scalar(value), 5);
    }

    [Fact]
    public void L2Penalty_Gradient_EqualsLambdaTimesWeightsAndZeroOnBiases()
    {
        using var model = Mlp();
        using var value = new L2Penalty(0.5).Compute(model);
        value.backward();

        var fc1 = (TorchSharp.Modules.Linear)model[0];
        Assert.Equal(Values(fc1.weight).Select(w => 0.5f * w), Values(fc1.weight.grad!), new FloatTolerance(1e-6f));
        Assert.Null(fc1.bias!.grad);
    }

    [Fact]
    public void L1Penalty_Gradient_IsLambdaTimesSignWithZeroAtZero()
    {
        using var model = Mlp();
        var fc1 = (TorchSharp.Modules.Linear)model[0];
        using (no_grad())
        {
            fc1.weight[0, 0] = tensor(0f);
        }
        using var value = new L1Penalty(0.25, new ParameterTargets(ParameterSelection.WeightsOnly, ["fc1"])).Compute(model);
        value.backward();

        var expected = Values(fc1.weight).Select(w => 0.25f * Math.Sign(w)).ToArray();
        Assert.Equal(0f, expected[0]);
        Assert.Equal(expected, Values(fc1.weight.grad!));
    }

    /// <summary>
    /// The Hessian-vector product <c>H·v</c> of a penalty at the model's fc1 weight: backward under create_graph, then
    /// the derivative of <c>⟨∇, v⟩</c>.
    /// </summary>
    private static float[] HessianTimes(IWeightPenalty penalty, Func<float, float> v)
    {
        using var model = Mlp();
        var fc1 = (TorchSharp.Modules.Linear)model[0];
        using var direction = tensor(Values(fc1.weight).Select(v).ToArray(), fc1.weight.shape);
        using var value = penalty.Compute(model);
        value.backward(create_graph: true);
        using var gradient = fc1.weight.grad!;
        Assert.True(gradient.requires_grad);
        foreach (var p in model.parameters())
        {
            p.grad = null;
        }
        using var projected = (gradient * direction).sum();
        projected.backward();
        using var result = fc1.weight.grad!;
        return Values(result);
    }

    [Fact]
    public void L2Penalty_SecondDerivative_IsLambdaTimesIdentity()
    {
        var hv = HessianTimes(new L2Penalty(0.5), w => 1f + w);

        using var model = Mlp();
        var expected = Values(((TorchSharp.Modules.Linear)model[0]).weight).Select(w => 0.5f * (1f + w));
        Assert.Equal(expected, hv, new FloatTolerance(1e-6f));
    }

    [Fact]
    public void L1Penalty_SecondDerivative_IsZeroButTheGradientIsDifferentiable()
    {
        var hv = HessianTimes(new L1Penalty(0.5), w => 1f + w);

        Assert.All(hv, h => Assert.Equal(0f, h));
    }

    [Fact]
    public void ElasticNetPenalty_SecondDerivative_IsL2StrengthTimesIdentity()
    {
        var hv = HessianTimes(new ElasticNetPenalty(0.3, 0.2), w => 2f);

        Assert.All(hv, h => Assert.Equal(0.4f, h, 6));
    }

    [Fact]
    public void ElasticNetPenalty_GradOutputScaled_GradientScalesWithIt()
    {
        using var model = Mlp();
        using var value = new ElasticNetPenalty(0.3, 0.2).Compute(model);
        using var scaled = value * 3.0;
        scaled.backward();

        var fc2 = (TorchSharp.Modules.Linear)model[2];
        var expected = Values(fc2.weight).Select(w => 3f * ((0.3f * Math.Sign(w)) + (0.2f * w)));
        Assert.Equal(expected, Values(fc2.weight.grad!), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void L2Penalty_Float64Model_ValueAndGradientInFloat64()
    {
        manual_seed(0);
        using var model = nn.Sequential(("fc1", nn.Linear(4, 3, dtype: ScalarType.Float64)), ("fc2", nn.Linear(3, 2, dtype: ScalarType.Float64)));
        using var value = new L2Penalty(0.5).Compute(model);
        value.backward();

        var fc1 = (TorchSharp.Modules.Linear)model[0];
        var fc2 = (TorchSharp.Modules.Linear)model[1];
        var weights = fc1.weight.data<double>().ToArray();
        var squares = weights.Concat(fc2.weight.data<double>().ToArray()).Sum(w => w * w);
        Assert.Equal(ScalarType.Float64, value.dtype);
        Assert.Equal(0.25 * squares, value.item<double>(), 14);
        Assert.Equal(weights.Select(w => 0.5 * w), fc1.weight.grad!.data<double>().ToArray());
    }

    public static TheoryData<double, double> ElasticStrengths => new() { { 0.3, 0 }, { 0, 0.4 }, { 0.3, 0.4 } };

    [Theory]
    [MemberData(nameof(ElasticStrengths))]
    public void NormPenalties_ValueAndGradient_EqualAutogradOfTheirFormula(double l1, double l2)
    {
        IWeightPenalty penalty = (l1, l2) switch
        {
            (_, 0) => new L1Penalty(l1, ParameterSelection.All),
            (0, _) => new L2Penalty(l2, ParameterSelection.All),
            _ => new ElasticNetPenalty(l1, l2, ParameterSelection.All),
        };
        using var ours = Mlp(3);
        using var formula = Mlp(3);
        using (no_grad())
        {
            ours.parameters().First()[0, 0] = tensor(0f);
            formula.parameters().First()[0, 0] = tensor(0f);
        }

        using var value = penalty.Compute(ours);
        value.backward();
        using var scope = NewDisposeScope();
        var expected = formula.parameters().Select(p => (p.abs().sum() * l1) + (p.square().sum() * (l2 / 2))).Aggregate((a, b) => a + b);
        expected.backward();

        Assert.Equal(Scalar(expected), Scalar(value), 6);
        foreach (var (mine, theirs) in ours.parameters().Zip(formula.parameters()))
        {
            Assert.Equal(Values(theirs.grad!), Values(mine.grad!), new FloatTolerance(1e-6f));
        }
    }

    [Theory]
    [InlineData(-1.0, "strength must be a finite number greater than or equal to 0. Received: strength=-1. (Parameter 'strength')\nActual value was -1.")]
    [InlineData(double.NaN, "strength must be a finite number greater than or equal to 0. Received: strength=NaN. (Parameter 'strength')\nActual value was NaN.")]
    [InlineData(double.PositiveInfinity, "strength must be a finite number greater than or equal to 0. Received: strength=Infinity. (Parameter 'strength')\nActual value was Infinity.")]
    public void L2Penalty_InvalidStrength_ThrowsExactMessage(double strength, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new L2Penalty(strength));

        Assert.Equal(message.Replace("\n", Environment.NewLine, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void L2Penalty_UnderSgd_MatchesWeightDecayStepForStep()
    {
        using var a = Mlp(7);
        using var b = Mlp(7);
        using var optA = optim.SGD(a.parameters(), 0.1);
        using var optB = optim.SGD(b.parameters(), 0.1, weight_decay: 0.05);
        var reg = new Regularization { new L2Penalty(0.05, ParameterSelection.All) };
        manual_seed(3);
        using var x = randn(8, 4);
        using var y = randint(0, 2, new long[] { 8 });
        for (var step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            optA.zero_grad();
            (nn.functional.cross_entropy(a.call(x), y) + reg.Penalty(a)).backward();
            optA.step();
            optB.zero_grad();
            nn.functional.cross_entropy(b.call(x), y).backward();
            optB.step();
        }

        foreach (var ((name, pa), (_, pb)) in a.named_parameters().Zip(b.named_parameters()))
        {
            Assert.Equal(Values(pb), Values(pa), new FloatTolerance(1e-6f));
        }
    }

    [Fact]
    public void ElasticNetPenalty_ValueAndGradientOfOneTensor_EqualTheFormula()
    {
        using var w = tensor(new[] { -2f, 0f, 0.5f, 3f }, new long[] { 2, 2 });
        var penalty = new ElasticNetPenalty(0.25, 0.5);

        using var gradient = penalty.Gradient(w);

        Assert.Equal((0.25 * 5.5) + (0.25 * 13.25), penalty.Value(w), 12);
        Assert.Equal(new[] { -1.25f, 0f, 0.5f, 1.75f }, Values(gradient), new FloatTolerance(1e-7f));
    }

    [Fact]
    public void Compute_NoWeights_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => new L2Penalty(0.1).Compute(Array.Empty<Tensor>()));

        Assert.Equal("weights must hold at least one tensor. Received: none. (Parameter 'weights')", e.Message);
    }

    [Fact]
    public void AddGradient_ParameterWithoutGrad_GetsLambdaTimesSign()
    {
        using var model = Mlp();
        var fc1 = (TorchSharp.Modules.Linear)model[0];

        new L1Penalty(0.5).AddGradient(model);

        Assert.Equal(Values(fc1.weight).Select(w => 0.5f * Math.Sign(w)), Values(fc1.weight.grad!));
        Assert.Null(fc1.bias!.grad);
    }

    [Fact]
    public void L1Penalty_IntegerWeight_ThrowsNamingWeightAndDtype()
    {
        // Found by InvalidInputProperties: an integer tensor reached libtorch's vector_norm, whose message named neither.
        using var weight = tensor(new long[] { 0, 1 });

        var e = Assert.Throws<ArgumentException>(() => new L1Penalty(0.1).Value(weight));

        Assert.Equal("weight must be a floating-point tensor (float16, bfloat16, float32 or float64). Received: weight of dtype Int64. (Parameter 'weight')", e.Message);
    }
}
