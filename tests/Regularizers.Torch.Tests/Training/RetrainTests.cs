using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Training;

public sealed class RetrainTests
{
    private static (Tensor X, Tensor Y) Data(long seed, int n)
    {
        manual_seed(seed);
        var x = randn(n, 4);
        var y = x.narrow(1, 0, 1).squeeze(1).gt(0).to_type(ScalarType.Int64);
        return (x, y);
    }

    [Fact]
    public void SameNumberOfSteps_BestEpochsFour_TrainsFreshModelForFourEpochs()
    {
        var (x, y) = Data(1, 60);
        var options = new TrainerOptions { Epochs = 50, BatchSize = 20, Seed = 3 };

        var (model, history) = RetrainOnAllData.SameNumberOfSteps(() => Mlp(5), m => optim.SGD(m.parameters(), 0.1), options, 4, x, y);

        using (model)
        {
            Assert.Equal(4, history.Epochs.Count);
            using var reference = Mlp(5);
            Assert.NotEqual(Values(reference.parameters().First()), Values(model.parameters().First()));
        }
    }

    [Fact]
    public void UntilTrainingLossBelow_ReachableTarget_StopsWhenValidationLossFallsBelow()
    {
        var (x, y) = Data(2, 200);
        var (xv, yv) = Data(3, 100);
        using var model = Mlp(6);
        using var optimizer = optim.SGD(model.parameters(), 0.2);

        var (history, reached) = RetrainOnAllData.UntilTrainingLossBelow(model, optimizer, new TrainerOptions { BatchSize = 20, Seed = 4 }, 0.4, x, y, xv, yv, maxEpochs: 200);

        Assert.True(reached);
        Assert.True(history.Epochs[^1].ValidationLoss < 0.4);
        Assert.All(history.Epochs.SkipLast(1), e => Assert.True(e.ValidationLoss >= 0.4));
    }

    [Fact]
    public void UntilTrainingLossBelow_UnreachableTarget_StopsAtMaxEpochs()
    {
        var (x, y) = Data(2, 40);
        using var model = Mlp(6);
        using var optimizer = optim.SGD(model.parameters(), 0.01);

        var (history, reached) = RetrainOnAllData.UntilTrainingLossBelow(model, optimizer, new TrainerOptions { BatchSize = 20 }, -1.0, x, y, x, y, maxEpochs: 3);

        Assert.False(reached);
        Assert.Equal(3, history.Epochs.Count);
    }

    [Fact]
    public void ProgressReporter_TwoEpochs_WritesOneLinePerEpoch()
    {
        var (x, y) = Data(4, 40);
        using var model = Mlp();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var output = new StringWriter();

        var history = new Trainer(model, optimizer, new TrainerOptions { Epochs = 2, BatchSize = 10, Callbacks = [new ProgressReporter(output)] }).Fit(x, y);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"epoch 2  loss {history.Epochs[1].TrainLoss:F4}  accuracy {history.Epochs[1].TrainAccuracy:P2}"), lines[1].TrimEnd('\r'));
    }
}
