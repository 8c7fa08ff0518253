using Regularizers.Torch.Penalties;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;
using RefActivity = Regularizers.Reference.Penalties.ActivityPenalty;
using RefElasticNet = Regularizers.Reference.Penalties.ElasticNetPenalty;
using RefL1 = Regularizers.Reference.Penalties.L1Penalty;
using RefL2 = Regularizers.Reference.Penalties.L2Penalty;
using RefTying = Regularizers.Reference.Penalties.ParameterTyingPenalty;

namespace Regularizers.Reference.Tests.Penalties;

/// <summary>L1, L2, elastic-net, activity and tying penalties against their reference twins.</summary>
public class PenaltyTwinTests
{
    public static TheoryData<string> NormPenalties => ["l1", "l2", "elastic"];

    [Theory]
    [MemberData(nameof(NormPenalties))]
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
