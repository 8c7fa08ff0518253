using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Training;

/// <summary>TerminateOnNaN stops on the first non-finite batch loss and restores the last completed epoch's state.</summary>
public sealed class TerminateOnNaNTests
{
    [Fact]
    public void TerminateOnNaN_NaNLossInEpochTwoBatchOne_StopsRestoresEpochOneAndNamesEpochAndBatch()
    {
        manual_seed(33);
        using var x = randn(16, 4);
        using var y = randint(0, 2, new long[] { 16 });
        using var model = Mlp(7);
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        using var terminate = new TerminateOnNaN();
        var epochEnds = new List<float[]>();
        var calls = 0;
        Tensor Loss(Tensor output, Tensor target)
        {
            var loss = nn.functional.cross_entropy(output, target);
            // 4 batches per epoch: the 6th call is epoch 2's batch 1.
            return ++calls == 6 ? loss * double.NaN : loss;
        }
        var options = new TrainerOptions { Epochs = 5, BatchSize = 4, Seed = 1, Loss = Loss, Callbacks = [terminate, new EpochEndWeights(epochEnds)] };

        var history = new Trainer(model, optimizer, options).Fit(x, y);

        Assert.Equal("TerminateOnNaN: the loss was NaN at epoch 2, batch 1; restored the state after epoch 1.", history.StopReason);
        Assert.Single(history.Epochs);
        Assert.Equal(1, history.RestoredEpoch);
        Assert.Equal((2, 1), (terminate.TerminatedEpoch, terminate.TerminatedBatch));
        Assert.Equal(epochEnds[0], model.parameters().SelectMany(p => Values(p)).ToArray());
        Assert.Equal(6, calls);
    }

    [Fact]
    public void TerminateOnNaN_FiniteLosses_TrainsEveryEpoch()
    {
        manual_seed(33);
        using var x = randn(16, 4);
        using var y = randint(0, 2, new long[] { 16 });
        using var model = Mlp(7);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var terminate = new TerminateOnNaN();

        var history = new Trainer(model, optimizer, new TrainerOptions { Epochs = 3, BatchSize = 4, Seed = 1, Callbacks = [terminate] }).Fit(x, y);

        Assert.Equal(3, history.Epochs.Count);
        Assert.Null(history.StopReason);
        Assert.Null(terminate.TerminatedEpoch);
    }

    private sealed class EpochEndWeights(List<float[]> weights) : TrainingCallback
    {
        public override void OnEpochEnd(TrainingContext context) => weights.Add(context.Model.parameters().SelectMany(p => Values(p)).ToArray());
    }
}
