using Regularizers.Torch.Constraints;
using Regularizers.Torch.Penalties;
using TorchSharp.Modules;
using static Regularizers.Reference.Tests.Tolerances;
using RefL1Proximal = Regularizers.Reference.Constraints.L1Proximal;

namespace Regularizers.Reference.Tests.Constraints;

/// <summary>The proximal L1 step against its reference twin.</summary>
public class L1ProximalTests
{
    [Fact]
    public void L1Proximal_AfterApply_EqualsReferenceSoftThreshold()
    {
        manual_seed(15);
        using var model = nn.Sequential(("fc", nn.Linear(6, 5)));
        var weight = Doubles(((Linear)model[0]).weight);
        var bias = Doubles(((Linear)model[0]).bias!);

        new L1Proximal(new L1Penalty(0.5), 0.3).Apply(model);
        RefL1Proximal.Apply(weight, 0.5, 0.3);

        CloseToTorch(weight, ((Linear)model[0]).weight);
        Assert.Contains(Doubles(((Linear)model[0]).weight), w => w == 0);
        Assert.Equal(bias, Doubles(((Linear)model[0]).bias!));
    }

    [Fact]
    public void L1Proximal_Threshold_IsLearningRateTimesStrength()
    {
        Assert.Equal(0.5 * 0.3, new L1Proximal(new L1Penalty(0.5), 0.3).Threshold, 15);
    }

    [Fact]
    public void L1Proximal_NonPositiveLearningRate_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new L1Proximal(new L1Penalty(0.5), 0));

        Assert.StartsWith("learningRate must be a finite number greater than 0. Received: learningRate=0.", error.Message);
    }
}
