using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Penalties;
using Regularizers.Torch.Constraints;

namespace Regularizers.Torch.Tests.Penalties;

public sealed class PenaltyTests
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
    private static float[] HessianTimes(IPenalty penalty, Func<float, float> v)
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
        IPenalty penalty = (l1, l2) switch
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

    [Fact]
    public void WeightsOnlyPenalty_BiasChanged_ValueUnchanged()
    {
        using var model = Mlp();
        var penalty = new L2Penalty(1.0);
        var before = Scalar(penalty.Compute(model));
        using (no_grad())
        {
            ((TorchSharp.Modules.Linear)model[0]).bias!.add_(10f);
        }

        Assert.Equal(before, Scalar(penalty.Compute(model)));
    }

    [Fact]
    public void AllSelection_BiasChanged_ValueChanges()
    {
        using var model = Mlp();
        var penalty = new L2Penalty(1.0, ParameterSelection.All);
        var before = Scalar(penalty.Compute(model));
        using (no_grad())
        {
            ((TorchSharp.Modules.Linear)model[0]).bias!.add_(10f);
        }

        Assert.NotEqual(before, Scalar(penalty.Compute(model)));
    }

    [Fact]
    public void NamedTargets_OnlyFc2_SumsFc2WeightsOnly()
    {
        using var model = Mlp();
        using var value = new L2Penalty(2.0, new ParameterTargets(ParameterSelection.WeightsOnly, ["fc2"])).Compute(model);

        var fc2 = (TorchSharp.Modules.Linear)model[2];
        Assert.Equal(Values(fc2.weight).Sum(w => (double)w * w), Scalar(value), 5);
    }

    [Fact]
    public void Penalty_TargetMatchesNothing_ThrowsNamingParameters()
    {
        using var model = Mlp();
        var penalty = new L1Penalty(1.0, new ParameterTargets(ParameterSelection.WeightsOnly, ["conv9"]));

        var e = Assert.Throws<InvalidOperationException>(() => penalty.Compute(model));

        Assert.Equal("L1Penalty matches no parameter of [conv9] with selection WeightsOnly. Parameters: [fc1.weight, fc1.bias, fc2.weight, fc2.bias].", e.Message);
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
        var reg = new Regularization(new L2Penalty(0.05, ParameterSelection.All));
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
    public void ActivityPenalty_L1_EqualsLambdaTimesBatchMeanOfAbsoluteActivations()
    {
        using var model = Mlp();
        using var penalty = new ActivityPenalty((nn.Module<Tensor, Tensor>)model[1], 0.5, ActivityNorm.L1);
        using var x = randn(6, 4);
        using var output = model.call(x);
        using var hidden = ((nn.Module<Tensor, Tensor>)model[0]).call(x).relu();

        using var value = penalty.Compute(model);

        Assert.Equal(0.5 * Values(hidden).Sum(Math.Abs) / 6, Scalar(value), 5);
    }

    [Fact]
    public void ActivityPenalty_BeforeAnyForward_ThrowsClearMessage()
    {
        using var model = Mlp();
        using var penalty = new ActivityPenalty((nn.Module<Tensor, Tensor>)model[1], 0.5);

        var e = Assert.Throws<InvalidOperationException>(() => penalty.Compute(model));

        Assert.Equal("ActivityPenalty has no activations: call the model on a batch before computing the penalty.", e.Message);
    }

    [Fact]
    public void ParameterTyingPenalty_Compute_EqualsHalfLambdaSquaredDistance()
    {
        using var a = Mlp(1);
        using var b = Mlp(2);
        using var value = new ParameterTyingPenalty(a, b, 0.8).Compute(a);

        var expected = a.named_parameters().Zip(b.named_parameters())
            .Where(p => !p.First.name.EndsWith("bias", StringComparison.Ordinal))
            .Sum(p => Values(p.First.parameter).Zip(Values(p.Second.parameter)).Sum(v => Math.Pow(v.First - v.Second, 2)));
        Assert.Equal(0.4 * expected, Scalar(value), 5);
    }

    [Fact]
    public void ParameterTyingPenalty_Gradients_EqualAutogradOfTheFormulaForBothModules()
    {
        using var a = Mlp(1);
        using var b = Mlp(2);
        using var a2 = Mlp(1);
        using var b2 = Mlp(2);

        using var value = new ParameterTyingPenalty(a, b, 0.8).Compute(a);
        using var scaled = value * 2.5;
        scaled.backward();
        using var scope = NewDisposeScope();
        var weights = a2.named_parameters().Zip(b2.named_parameters()).Where(p => p.First.name.EndsWith("weight", StringComparison.Ordinal));
        var formula = weights.Select(p => (p.First.parameter - p.Second.parameter).square().sum()).Aggregate((x, y) => x + y) * (0.4 * 2.5);
        formula.backward();

        Assert.Equal(Scalar(formula), 2.5 * Scalar(value), 5);
        foreach (var (mine, theirs) in a.parameters().Concat(b.parameters()).Zip(a2.parameters().Concat(b2.parameters())))
        {
            Assert.Equal(theirs.grad is null, mine.grad is null);
            if (mine.grad is not null)
            {
                Assert.Equal(Values(theirs.grad!), Values(mine.grad), new FloatTolerance(1e-6f));
            }
        }
    }

    [Fact]
    public void ParameterTyingPenalty_FrozenReferenceAndCreateGraph_NoGradientForItAndHessianLambda()
    {
        using var a = nn.Linear(3, 2);
        using var b = nn.Linear(3, 2);
        b.weight.requires_grad = false;
        using var value = new ParameterTyingPenalty(a, b, 0.5).Compute(a);
        value.backward(create_graph: true);
        using var gradient = a.weight.grad!;
        a.weight.grad = null;

        using var sum = gradient.sum();
        sum.backward();

        Assert.Null(b.weight.grad);
        Assert.All(Values(a.weight.grad!), h => Assert.Equal(0.5f, h));
    }

    [Fact]
    public void ParameterTyingPenalty_DifferentShapes_ThrowsNamingBoth()
    {
        using var a = nn.Linear(3, 2);
        using var b = nn.Linear(4, 2);

        var e = Assert.Throws<ArgumentException>(() => new ParameterTyingPenalty(a, b, 1.0));

        Assert.Equal("b must have the same parameters as a. a: [weight [2x3]]; b: [weight [2x4]]. (Parameter 'b')", e.Message);
    }
}

/// <summary>Counts process-wide live tensors, so it runs with no other test class in parallel.</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class PenaltyLeakTests
{
    [Fact]
    public void Penalty_RepeatedCalls_LeaveNoTensorsBehind()
    {
        using var model = Mlp();
        var reg = new Regularization(new L1Penalty(0.1), new L2Penalty(0.1), new ElasticNetPenalty(0.1, 0.1));
        reg.Penalty(model).Dispose();
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 100; i++)
        {
            reg.Penalty(model).Dispose();
        }

        Assert.Equal(before, Tensor.TotalCount);
    }
}

/// <summary>The trainer's memory stays flat: repeated fits leave the live-tensor count where it was.</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class TrainerLeakTests
{
    [Fact]
    public void Fit_WithPenaltiesConstraintsAndEarlyStopping_LeavesNoTensorsBehind()
    {
        using var model = TestModels.Mlp(12);
        using var optimizer = optim.Adam(model.parameters());
        using var x = randn(64, 4);
        using var y = randint(0, 2, new long[] { 64 });
        using var stopper = new Regularizers.Torch.Training.EarlyStopping(new Regularizers.Core.Stopping.Patience(50), monitor: Regularizers.Torch.Training.Metric.ValidationLoss);
        var options = new Regularizers.Torch.Training.TrainerOptions
        {
            Epochs = 3, BatchSize = 8, Seed = 1, Callbacks = [stopper],
            Regularization = new Regularization(new L1Penalty(1e-3), new L2Penalty(1e-3), new MaxNorm(2.0)),
        };
        var trainer = new Regularizers.Torch.Training.Trainer(model, optimizer, options);
        trainer.Fit(x, y, x, y);
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 5; i++)
        {
            trainer.Fit(x, y, x, y);
        }

        Assert.Equal(before, Tensor.TotalCount);
    }
}
