using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Training;

/// <summary>The trainer's memory stays flat: repeated fits leave the live-tensor count where it was.</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class TrainerLeakTests
{
    [Fact]
    public void Fit_WithPenaltiesConstraintsAndEarlyStopping_LeavesNoTensorsBehind()
    {
        using var model = TestModels.Mlp(12);
        using var optimizer = optim.Adam(model.parameters());
        using var x = randn(64, 4);
        using var y = randint(0, 2, new long[] { 64 });
        using var stopper = new Regularizers.Torch.Training.EarlyStopping(new Regularizers.Core.Stopping.Patience(50), monitor: Regularizers.Torch.Training.Metric.ValidationLoss);
        var options = new Regularizers.Torch.Training.TrainerOptions
        {
            Epochs = 3, BatchSize = 8, Seed = 1, Callbacks = [stopper],
            Regularization = new Regularization { new L1Penalty(1e-3), new L2Penalty(1e-3), new MaxNorm(2.0) },
        };
        var trainer = new Regularizers.Torch.Training.Trainer(model, optimizer, options);
        trainer.Fit(x, y, x, y);
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 5; i++)
        {
            trainer.Fit(x, y, x, y);
        }

        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void Fit_WithSamAveragingTerminateOnNaNAndClipping_LeavesNoTensorsBehind()
    {
        manual_seed(13);
        using var model = nn.Sequential(("fc1", nn.Linear(4, 6)), ("bn", nn.BatchNorm1d(6)), ("act", nn.ReLU()), ("fc2", nn.Linear(6, 2)));
        using var inner = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var sam = new Regularizers.Torch.Optimizers.SharpnessAwareMinimization(inner, adaptive: true);
        using var x = randn(64, 4);
        using var y = randint(0, 2, new long[] { 64 });
        using var ema = new Regularizers.Torch.Training.ExponentialMovingAverage(0.9, warmup: true);
        using var swa = new Regularizers.Torch.Training.StochasticWeightAveraging(2, learningRate: 0.05, annealEpochs: 1);
        using var terminate = new Regularizers.Torch.Training.TerminateOnNaN();
        var options = new Regularizers.Torch.Training.TrainerOptions
        {
            Epochs = 2, BatchSize = 16, Seed = 1, ClipGradientNorm = 1, ClipGradientValue = 0.5, Callbacks = [terminate, ema, swa],
        };
        var trainer = new Regularizers.Torch.Training.Trainer(model, sam, options);
        trainer.Fit(x, y, x, y);
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 2; i++)
        {
            trainer.Fit(x, y, x, y);
        }

        Assert.Equal(before, Tensor.TotalCount);
    }
}
