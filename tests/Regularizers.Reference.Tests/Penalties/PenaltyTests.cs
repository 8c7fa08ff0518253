using Regularizers.Torch.Penalties;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;
using RefActivity = Regularizers.Reference.Penalties.ActivityPenalty;
using RefElasticNet = Regularizers.Reference.Penalties.ElasticNetPenalty;
using RefL1 = Regularizers.Reference.Penalties.L1Penalty;
using RefL2 = Regularizers.Reference.Penalties.L2Penalty;
using RefTying = Regularizers.Reference.Penalties.ParameterTyingPenalty;

namespace Regularizers.Reference.Tests.Penalties;

/// <summary>L1, L2, elastic-net, activity and tying penalties: closed forms, central differences and their TorchSharp twins.</summary>
public class PenaltyTests
{
    public static TheoryData<string> WeightPenalties => ["l1", "l2", "elastic"];


    [Theory]
    [MemberData(nameof(WeightPenalties))]
    public void WeightPenalty_Gradient_MatchesCentralDifferences(string name)
    {
        Reference.Penalties.IWeightPenalty penalty = name switch
        {
            "l1" => new RefL1(0.3),
            "l2" => new RefL2(0.7),
            _ => new RefElasticNet(0.3, 0.7),
        };
        // Values kept away from 0, where |w| has no derivative.
        double[] w = [0.5, -1.25, 2.0, -0.1, 0.3];
        var gradient = new double[w.Length];

        penalty.AddGradient(w, gradient);

        FiniteDifference.Check(() => penalty.Value([w]), w, gradient);
    }

    [Fact]
    public void L1Penalty_ValueAndGradient_UseTheSameLambda()
    {
        // Seed 004's L1 returns 0.5·λ·Σ|w| but steps by λ·sign(w); here the value's slope is the step.
        var penalty = new RefL1(0.2);
        double[] w = [1.0, -2.0];
        var gradient = new double[2];

        penalty.AddGradient(w, gradient);

        Assert.Equal(0.2 * 3.0, penalty.Value([w]), 15);
        Assert.Equal([0.2, -0.2], gradient);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ActivityPenalty_Gradient_MatchesCentralDifferences(bool l1)
    {
        var a = Matrices.Random(4, 3, new Random(3));

        var gradient = RefActivity.Gradient(a, 0.4, l1);

        FiniteDifference.Check(() => RefActivity.Value(a, 0.4, l1), a.Data, gradient.Data);
    }

    [Fact]
    public void ParameterTyingPenalty_Gradients_MatchCentralDifferences()
    {
        double[] a = [1.0, 2.0, -0.5];
        double[] b = [0.5, 2.5, 0.0];

        var (ga, gb) = RefTying.Gradients(a, b, 0.8);

        FiniteDifference.Check(() => RefTying.Value(a, b, 0.8), a, ga);
        FiniteDifference.Check(() => RefTying.Value(a, b, 0.8), b, gb);
        Assert.Equal(0.4 * (0.25 + 0.25 + 0.25), RefTying.Value(a, b, 0.8), 15);
    }

    [Theory]
    [MemberData(nameof(WeightPenalties))]
    public void NormPenalty_ValueAndGradient_EqualTorchsOnWeightsOnly(string name)
    {
        var (torchModel, reference) = Twins(3);
        using var _ = torchModel;
        (Torch.Penalties.IWeightPenalty torchPenalty, Reference.Penalties.IWeightPenalty refPenalty) = name switch
        {
            "l1" => ((Torch.Penalties.IWeightPenalty)new Torch.Penalties.L1Penalty(0.3), (Reference.Penalties.IWeightPenalty)new RefL1(0.3)),
            "l2" => (new Torch.Penalties.L2Penalty(0.7), new RefL2(0.7)),
            _ => (new Torch.Penalties.ElasticNetPenalty(0.3, 0.7), new RefElasticNet(0.3, 0.7)),
        };
        var weights = reference.Parameters.Where(p => !p.IsBias).ToList();

        using var value = torchPenalty.Compute(torchModel);
        value.backward();

        CloseToTorch([refPenalty.Value(weights.Select(w => w.Values))], value);
        foreach (var (p, torchParameter) in reference.Parameters.Zip(torchModel.parameters()))
        {
            var gradient = new double[p.Values.Length];
            if (!p.IsBias)
            {
                refPenalty.AddGradient(p.Values, gradient);
                CloseToTorch(gradient, torchParameter.grad!);
            }
            else
            {
                Assert.Null(torchParameter.grad);
            }
        }
    }

    [Theory]
    [InlineData(ActivityNorm.L1)]
    [InlineData(ActivityNorm.L2)]
    public void ActivityPenalty_OnHiddenOutputs_EqualsReference(ActivityNorm norm)
    {
        var (torchModel, reference) = Twins(4);
        using var _ = torchModel;
        using var penalty = new Torch.Penalties.ActivityPenalty((nn.Module<Tensor, Tensor>)torchModel[1], 0.25, norm);
        var x = Input(5, 4, 5);
        using var xt = ToTorch(x);

        using var output = torchModel.call(xt);
        using var value = penalty.Compute();
        var hidden = reference.Forward(x).Outputs[0];

        CloseToTorch([RefActivity.Value(hidden, 0.25, norm == ActivityNorm.L1)], value);
    }

    [Fact]
    public void ParameterTyingPenalty_EqualsReference()
    {
        manual_seed(6);
        using var a = nn.Linear(3, 2);
        using var b = nn.Linear(3, 2);
        var penalty = new Torch.Penalties.ParameterTyingPenalty(a, b, 0.9);

        using var value = penalty.Compute();
        value.backward();
        var (ga, gb) = RefTying.Gradients(Doubles(a.weight), Doubles(b.weight), 0.9);

        CloseToTorch([RefTying.Value(Doubles(a.weight), Doubles(b.weight), 0.9)], value);
        CloseToTorch(ga, a.weight.grad!);
        CloseToTorch(gb, b.weight.grad!);
    }
}
