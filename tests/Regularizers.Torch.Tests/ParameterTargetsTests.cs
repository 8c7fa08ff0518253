using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests;

/// <summary>Which parameters a penalty or constraint touches: weights only, all, named, none.</summary>
public sealed class ParameterTargetsTests
{
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
}
