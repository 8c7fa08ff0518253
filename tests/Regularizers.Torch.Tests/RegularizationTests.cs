using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests;

/// <summary>Composing penalties and constraints for a hand-written loop, through autograd or in place.</summary>
public sealed class RegularizationTests
{
    public static TheoryData<string> Penalties => ["l1", "l2", "elastic_net"];

    private static IWeightPenalty Create(string name) => name switch
    {
        "l1" => new L1Penalty(0.03),
        "l2" => new L2Penalty(0.2),
        _ => new ElasticNetPenalty(0.03, 0.2),
    };

    private static List<float[]> GradientsAfterBackward(PenaltyGradients mode, string penalty)
    {
        using var model = Mlp(5);
        var reg = new Regularization(mode) { Create(penalty) };
        manual_seed(9);
        using var x = randn(6, 4);
        using var y = randint(0, 2, new long[] { 6 });
        using var scope = NewDisposeScope();
        (nn.functional.cross_entropy(model.call(x), y) + reg.Penalty(model)).backward();
        reg.AfterBackward(model);
        return model.parameters().Select(p => Values(p.grad!)).ToList();
    }

    [Theory]
    [MemberData(nameof(Penalties))]
    public void InPlace_AfterBackward_SameGradientsAsAutograd(string penalty)
    {
        var autograd = GradientsAfterBackward(PenaltyGradients.Autograd, penalty);
        var inPlace = GradientsAfterBackward(PenaltyGradients.InPlace, penalty);

        Assert.Equal(autograd.Count, inPlace.Count);
        for (var i = 0; i < autograd.Count; i++)
        {
            Assert.Equal(autograd[i], inPlace[i], new FloatTolerance(1e-6f));
        }
    }

    [Theory]
    [MemberData(nameof(Penalties))]
    public void InPlace_Penalty_SameValueAndLastTermsButNoGraph(string penalty)
    {
        using var model = Mlp(5);
        var autograd = new Regularization { Create(penalty) };
        var inPlace = new Regularization(PenaltyGradients.InPlace) { Create(penalty) };

        using var a = autograd.Penalty(model);
        using var b = inPlace.Penalty(model);

        Assert.Equal(Scalar(a), Scalar(b), 6);
        Assert.Equal(autograd.LastTerms, inPlace.LastTerms);
        Assert.True(a.requires_grad);
        Assert.False(b.requires_grad);
    }

    [Fact]
    public void InPlace_ParameterWithoutGrad_GetsThePenaltyGradient()
    {
        using var model = Mlp(5);
        var reg = new Regularization(PenaltyGradients.InPlace) { new L2Penalty(0.5) };

        reg.AfterBackward(model);

        var fc1 = model.named_parameters().First(p => p.name == "fc1.weight").parameter;
        Assert.Equal(Values(fc1).Select(w => 0.5f * w), Values(fc1.grad!), new FloatTolerance(1e-7f));
        Assert.Null(model.named_parameters().First(p => p.name == "fc1.bias").parameter.grad);
    }

    [Fact]
    public void InPlace_WeightsFlipSignAfterPenalty_AfterBackwardUsesTheCurrentWeights()
    {
        using var model = Mlp(5);
        var reg = new Regularization(PenaltyGradients.InPlace) { new L1Penalty(0.5) };
        var fc1 = model.named_parameters().First(p => p.name == "fc1.weight").parameter;
        var flipped = Values(fc1).Select(w => -(float)Math.Sign(w)).ToArray();

        using (var value = reg.Penalty(model))
        using (no_grad())
        {
            fc1.mul_(-1);
        }
        reg.AfterBackward(model);

        // Stateless, as SGD's weight_decay: the gradient at the weights AfterBackward finds.
        Assert.Equal(flipped.Select(s => 0.5f * s), Values(fc1.grad!));
    }

    [Fact]
    public void InPlace_AfterBackwardTwice_SecondCallUsesTheCurrentWeights()
    {
        using var model = Mlp(5);
        var reg = new Regularization(PenaltyGradients.InPlace) { new ElasticNetPenalty(0.5, 0.25) };
        var fc1 = model.named_parameters().First(p => p.name == "fc1.weight").parameter;
        using (var value = reg.Penalty(model))
        {
            reg.AfterBackward(model);
        }
        using (no_grad())
        {
            fc1.mul_(-1);
        }
        var first = Values(fc1.grad!);

        reg.AfterBackward(model);

        var expected = first.Zip(Values(fc1), (g, w) => g + (0.5f * Math.Sign(w)) + (0.25f * w));
        Assert.Equal(expected, Values(fc1.grad!), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Autograd_AfterBackward_LeavesGradientsAlone()
    {
        using var model = Mlp(5);
        var reg = new Regularization { new L2Penalty(0.5) };

        reg.AfterBackward(model);

        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Trainer_InPlaceAndAutograd_SameWeightsAfterTraining()
    {
        List<float[]> Train(PenaltyGradients mode)
        {
            using var model = Mlp(11);
            using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
            manual_seed(4);
            using var x = randn(40, 4);
            using var y = randint(0, 2, new long[] { 40 });
            var options = new TrainerOptions
            {
                Epochs = 3, BatchSize = 8, Seed = 2,
                Regularization = new Regularization(mode) { new ElasticNetPenalty(0.01, 0.05) },
            };
            var history = new Trainer(model, optimizer, options).Fit(x, y);
            Assert.Equal(3, history.Epochs.Count);
            return model.parameters().Select(Values).ToList();
        }

        var autograd = Train(PenaltyGradients.Autograd);
        var inPlace = Train(PenaltyGradients.InPlace);

        for (var i = 0; i < autograd.Count; i++)
        {
            Assert.Equal(autograd[i], inPlace[i], new FloatTolerance(1e-5f));
        }
    }

    [Fact]
    public void InPlace_RepeatedSteps_LeaveNoTensorsBehind()
    {
        using var model = Mlp(5);
        var reg = new Regularization(PenaltyGradients.InPlace) { new ElasticNetPenalty(0.01, 0.1), new L1Penalty(0.01) };
        using var x = randn(6, 4);
        using var y = randint(0, 2, new long[] { 6 });
        void Step()
        {
            using var scope = NewDisposeScope();
            (nn.functional.cross_entropy(model.call(x), y) + reg.Penalty(model)).backward();
            reg.AfterBackward(model);
        }
        Step();
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 50; i++)
        {
            Step();
        }

        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void Regularization_AfterStep_AppliesConstraintsInOrder()
    {
        using var layer = LinearWithRows([-3f, 4f]);
        var reg = new Regularization { new NonNeg(), new MaxNorm(1.0) };

        reg.AfterStep(layer);

        Assert.Equal(new[] { 0f, 1f }, Values(layer.weight), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Regularization_CollectionInitializer_SortsPenaltiesAndConstraints()
    {
        var l2 = new L2Penalty(0.1);
        var maxNorm = new MaxNorm(3);
        var l1 = new L1Penalty(0.2);

        var reg = new Regularization { l2, maxNorm, l1 };

        Assert.Equal([l2, l1], reg.WeightPenalties);
        Assert.Equal([maxNorm], reg.Constraints);
        Assert.Equal(["l2", "l1", "max_norm"], reg.Select(r => r.Name));
    }

    /// <summary>The README's example of a penalty written by a user: φ(w) = λ·Σ log cosh w, ∇φ = λ·tanh w.</summary>
    private sealed class LogCoshPenalty(double strength) : IWeightPenalty
    {
        public ParameterTargets Targets { get; } = new();

        public string Name => "log_cosh";

        public double Value(Tensor w)
        {
            using var v = w.cosh().log_().sum();
            return strength * v.ToDouble();
        }

        public Tensor Gradient(Tensor w) => w.tanh().mul_(strength);
    }

    [Theory]
    [InlineData(PenaltyGradients.Autograd)]
    [InlineData(PenaltyGradients.InPlace)]
    public void UserWrittenWeightPenalty_EitherPath_ValueAndGradientOfItsFormula(PenaltyGradients mode)
    {
        using var model = Mlp(2);
        var reg = new Regularization(mode) { new LogCoshPenalty(0.5) };
        var weights = model.parameters().Where(p => p.dim() > 1).ToList();
        var expected = weights.Sum(w => Values(w).Sum(v => Math.Log(Math.Cosh(v)))) * 0.5;

        using (var value = reg.Penalty(model))
        {
            Assert.Equal(expected, Scalar(value), 5);
            if (mode == PenaltyGradients.Autograd)
            {
                value.backward();
            }
        }
        reg.AfterBackward(model);

        Assert.Equal(expected, reg.LastTerms["log_cosh"], 5);
        foreach (var w in weights)
        {
            Assert.Equal(Values(w).Select(v => 0.5f * MathF.Tanh(v)), Values(w.grad!), new FloatTolerance(1e-6f));
        }
    }

    [Fact]
    public void Constructor_UndefinedGradients_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Regularization((PenaltyGradients)7));

        Assert.StartsWith("gradients must be Autograd or InPlace. Received: gradients=7.", e.Message, StringComparison.Ordinal);
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
        var reg = new Regularization { new L1Penalty(0.1), new L2Penalty(0.1), new ElasticNetPenalty(0.1, 0.1) };
        reg.Penalty(model).Dispose();
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 100; i++)
        {
            reg.Penalty(model).Dispose();
        }

        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void InPlace_PenaltyAgainWithoutAfterBackward_ThrowsNamingTheMissingCall()
    {
        using var model = Mlp(5);
        var reg = new Regularization(PenaltyGradients.InPlace) { new L2Penalty(0.1) };
        reg.Penalty(model).Dispose();

        var error = Assert.Throws<InvalidOperationException>(() => reg.Penalty(model));

        Assert.Equal(
            "Regularization(PenaltyGradients.InPlace): Penalty(model) was called again before AfterBackward(model) added the " +
            "previous step's penalty gradients, so that step trained without its weight penalties. Call reg.AfterBackward(model) " +
            "after loss.backward() and before optimizer.step(), or use PenaltyGradients.Autograd, where Penalty alone suffices.",
            error.Message);
    }

    [Fact]
    public void InPlace_TwoModelsSharingOneRegularization_EachNeedsOnlyItsOwnAfterBackward()
    {
        using var first = Mlp(5);
        using var second = Mlp(6);
        var reg = new Regularization(PenaltyGradients.InPlace) { new L1Penalty(0.1) };

        for (var step = 0; step < 3; step++)
        {
            // Interleaved as bagging members training in parallel interleave: one model's Penalty does not trip the other's.
            reg.Penalty(first).Dispose();
            reg.Penalty(second).Dispose();
            reg.AfterBackward(second);
            reg.AfterBackward(first);
        }

        // The last Penalty was the second model's: λ·Σ|w| over its weights (biases are not penalised).
        var expected = 0.1 * second.parameters().Where(p => p.dim() > 1).Sum(p => p.abs().sum().item<float>());
        Assert.Equal(expected, reg.LastTerms["l1"], 4);
    }

    [Fact]
    public void Autograd_PenaltyTwiceWithoutAfterBackward_IsFine()
    {
        using var model = Mlp(5);
        var reg = new Regularization { new L2Penalty(0.1) };

        using var first = reg.Penalty(model);
        using var second = reg.Penalty(model);

        Assert.Equal(first.item<float>(), second.item<float>());
    }
}
