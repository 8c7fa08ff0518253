using Regularizers.Cli.Experiments;
using Regularizers.Core.Ensembles;
using Regularizers.Torch;
using static TorchSharp.torch;
using Regularizers.Torch.Models;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Penalties;

namespace Regularizers.Cli.Tests;

public class PresetTests
{
    [Fact]
    public void Seed004_Settings_AreTheSeedsNumbers()
    {
        var s = Presets.Seed004;

        Assert.Equal([200], s.Network.HiddenLayers);
        Assert.Equal(Activation.Sigmoid, s.Network.Activation);
        Assert.Equal(OptimizerKind.Sgd, s.Network.Optimizer);
        Assert.Equal(0.01, s.Network.LearningRate);
        Assert.Equal(64, s.BatchSize);
        Assert.Equal(20, s.Epochs);
        Assert.Equal(20_000, s.TrainSize);
        Assert.Equal(1, s.Seeds);
    }

    [Fact]
    public void Seed004_Configurations_AreTheSeedsFourRows()
    {
        var rows = Catalog.Seed004;

        Assert.Equal(["none", "l2", "bagging", "inverted-dropout"], rows.Select(c => c.Name));
        var l2 = Assert.IsType<L2Penalty>(Assert.Single(rows[1].Regularization!().WeightPenalties));
        Assert.Equal(0.01, l2.Strength);
        Assert.Equal(3, rows[2].BaggingMembers);
        Assert.Equal(EnsembleCombination.HardVote, rows[2].Combination);
        using var dropout = Assert.IsType<InvertedDropout>(rows[3].HiddenDropout!());
        Assert.Equal(0.5, dropout.p);
    }

    [Fact]
    public void Seed004_Model_Is784x200x10Sigmoid()
    {
        using var model = Catalog.None.Build(Presets.Seed004.Network);

        var shapes = model.named_parameters().Select(p => $"{p.name}:{string.Join("x", p.parameter.shape)}");
        Assert.Equal(["hidden1.weight:200x784", "hidden1.bias:200", "output.weight:10x200", "output.bias:10"], shapes);
        Assert.Equal(["hidden1", "activation1", "output"], model.named_children().Select(c => c.name));
    }

    [Fact]
    public void Catalog_Names_AreUniqueKebabCase()
    {
        var names = Catalog.Default.Select(c => c.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", n));
    }

    [Fact]
    public void Catalog_EveryConfiguration_BuildsAndRunsForward()
    {
        using var x = rand(3, 784);
        foreach (var configuration in Catalog.Default)
        {
            using var model = configuration.Build(Presets.Default.Network);
            using var output = model.call(x);
            Assert.Equal([3L, 10L], output.shape);
        }
    }
}
