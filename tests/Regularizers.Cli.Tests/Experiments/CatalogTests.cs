using Regularizers.Cli.Experiments;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Models;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Schedules;

namespace Regularizers.Cli.Tests.Experiments;

public class CatalogTests
{
    private static readonly ModelSpec Network = new() { Inputs = 4, HiddenLayers = [3], Outputs = 2 };

    [Fact]
    public void DropoutSchedule_Row_AnnealsInputAndHiddenDropoutOverTenEpochs()
    {
        using var model = Catalog.Find(Presets.DefaultName, "dropout-schedule")!.Build(Network);

        var values = new[] { 0, 5, 10, 20 }.Select(epoch =>
        {
            ScheduledStrengths.Advance(epoch, 0, model);
            return (ScheduledStrengths.Values(model)["input.p"], ScheduledStrengths.Values(model)["dropout1.p"]);
        });

        Assert.Equal([(0.0, 0.0), (0.1, 0.25), (0.2, 0.5), (0.2, 0.5)], values.Select(v => (Math.Round(v.Item1, 12), Math.Round(v.Item2, 12))));
    }

    [Fact]
    public void RDrop_Row_TwoPassLossWithDropoutInPlace()
    {
        var row = Catalog.Find(Presets.DefaultName, "r-drop")!;
        using var model = row.Build(Network);

        Assert.Equal(1, Assert.IsType<RDropLoss>(row.ModelLoss!()).Alpha);
        Assert.Equal([0.2, 0.5], model.children().OfType<InvertedDropout>().Select(d => d.p));
    }

    [Fact]
    public void ConfidencePenalty_Row_UsesBetaOneTenth() =>
        Assert.Equal(0.1, Assert.IsType<ConfidencePenalty>(Catalog.Find(Presets.DefaultName, "confidence-penalty")!.Loss!()).Beta);
}
