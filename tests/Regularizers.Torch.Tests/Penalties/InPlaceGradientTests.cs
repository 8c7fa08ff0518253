using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Penalties;

public class InPlaceGradientTests
{
    public static TheoryData<string> Penalties => ["l1", "l2", "elastic_net"];

    private static IGradientPenalty Create(string name) => name switch
    {
        "l1" => new L1Penalty(0.03),
        "l2" => new L2Penalty(0.2),
        _ => new ElasticNetPenalty(0.03, 0.2),
    };

    private static List<float[]> GradientsAfterBackward(PenaltyGradients mode, string penalty)
    {
        using var model = Mlp(5);
        var reg = new Regularization(Create(penalty)) { Gradients = mode };
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
        var autograd = new Regularization(Create(penalty));
        var inPlace = new Regularization(Create(penalty)) { Gradients = PenaltyGradients.InPlace };

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
        var reg = new Regularization(new L2Penalty(0.5)) { Gradients = PenaltyGradients.InPlace };

        reg.AfterBackward(model);

        var fc1 = model.named_parameters().First(p => p.name == "fc1.weight").parameter;
        Assert.Equal(Values(fc1).Select(w => 0.5f * w), Values(fc1.grad!), new FloatTolerance(1e-7f));
        Assert.Null(model.named_parameters().First(p => p.name == "fc1.bias").parameter.grad);
    }

    [Fact]
    public void InPlace_WeightsFlipSignAfterPenalty_AfterBackwardUsesTheCurrentWeights()
    {
        using var model = Mlp(5);
        var reg = new Regularization(new L1Penalty(0.5)) { Gradients = PenaltyGradients.InPlace };
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
        var reg = new Regularization(new ElasticNetPenalty(0.5, 0.25)) { Gradients = PenaltyGradients.InPlace };
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
        var reg = new Regularization(new L2Penalty(0.5));

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
                Regularization = new Regularization(new ElasticNetPenalty(0.01, 0.05)) { Gradients = mode },
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
        var reg = new Regularization(new ElasticNetPenalty(0.01, 0.1), new L1Penalty(0.01)) { Gradients = PenaltyGradients.InPlace };
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
}
