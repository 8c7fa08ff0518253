using Regularizers.Torch.Optimizers;
using TorchSharp.Modules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Optimizers;

/// <summary>Weight decay through parameter groups: biases and norm parameters exempt by the library's rule.</summary>
public sealed class WeightDecayGroupsTests
{
    private static Sequential Model()
    {
        manual_seed(34);
        return nn.Sequential(("fc1", nn.Linear(4, 3)), ("bn", nn.BatchNorm1d(3)), ("fc2", nn.Linear(3, 2)));
    }

    private static List<string> Names(Sequential model, IReadOnlyList<Parameter> parameters) =>
        parameters.Select(p => model.named_parameters().Single(n => ReferenceEquals(n.parameter, p)).name).ToList();

    [Fact]
    public void Split_WeightsOnly_ExemptsBiasesAndNormParameters()
    {
        using var model = Model();

        var (decayed, exempt) = WeightDecayGroups.Split(model);

        Assert.Equal(["fc1.weight", "fc2.weight"], Names(model, decayed));
        Assert.Equal(["fc1.bias", "bn.weight", "bn.bias", "fc2.bias"], Names(model, exempt));
    }

    [Fact]
    public void Split_NamesAndFrozenParameter_RestrictDecayedAndDropFrozen()
    {
        using var model = Model();
        ((Linear)model[2]).bias!.requires_grad = false;

        var (decayed, exempt) = WeightDecayGroups.Split(model, names: ["fc2"]);

        Assert.Equal(["fc2.weight"], Names(model, decayed));
        Assert.Equal(["fc1.weight", "fc1.bias", "bn.weight", "bn.bias"], Names(model, exempt));
    }

    [Fact]
    public void AdamWGroups_ZeroGradientStep_DecaysWeightsOnlyAndKeepsTheOptimizersLearningRate()
    {
        using var model = Model();
        var (decayed, exempt) = WeightDecayGroups.Split(model);
        using var optimizer = optim.AdamW(
            [new AdamW.ParamGroup(decayed, new AdamW.Options { weight_decay = 0.5 }), new AdamW.ParamGroup(exempt, new AdamW.Options { weight_decay = 0 })],
            lr: 0.1);
        var before = model.named_parameters().ToDictionary(p => p.name, p => Values(p.parameter));
        using var x = randn(8, 4);

        using (var loss = model.call(x).sum() * 0)
        {
            loss.backward();
        }
        optimizer.step();

        Assert.Equal([0.1, 0.1], optimizer.ParamGroups.Select(g => g.LearningRate));
        foreach (var (name, p) in model.named_parameters())
        {
            var factor = name.EndsWith(".weight", StringComparison.Ordinal) && !name.StartsWith("bn", StringComparison.Ordinal) ? 1 - (0.1f * 0.5f) : 1f;
            Assert.Equal(before[name].Select(v => v * factor), Values(p), new FloatTolerance(1e-6f));
        }
    }
}
