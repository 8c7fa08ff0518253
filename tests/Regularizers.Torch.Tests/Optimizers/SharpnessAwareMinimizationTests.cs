using Regularizers.Torch.Optimizers;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Optimizers;

/// <summary>The SAM wrapper's stages, its closure form against the Trainer's two passes, and its argument and order checks.</summary>
public sealed class SharpnessAwareMinimizationTests
{
    [Fact]
    public void FirstStep_MovesToRhoTimesUnitGradientAndZeroesGradients_SecondStepRestoresThenSteps()
    {
        using var layer = LinearWithRows([3f, -1f]);
        using var inner = optim.SGD(layer.parameters(), 0.1);
        var sam = new SharpnessAwareMinimization(inner, rho: 0.5);
        using (no_grad())
        {
            layer.bias!.zero_();
        }
        layer.weight.grad = tensor(new[] { 3f, 4f }, new long[] { 1, 2 });
        layer.bias!.grad = zeros(1);

        sam.FirstStep();
        var perturbed = Values(layer.weight);
        var zeroed = Values(layer.weight.grad!);
        layer.weight.grad!.copy_(tensor(new[] { 1f, 2f }, new long[] { 1, 2 }));
        sam.step();

        // ‖g‖ = 5: ε = 0.5·(3, 4)/5 = (0.3, 0.4); the step is from w with the second gradient (1, 2).
        Assert.Equal(new[] { 3.3f, -0.6f }, perturbed, new FloatTolerance(1e-6f));
        Assert.Equal(new[] { 0f, 0f }, zeroed);
        Assert.Equal(new[] { 3f - 0.1f, -1f - 0.2f }, Values(layer.weight), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Trainer_WithSam_EqualsClosureLoopOnTheSameBatches()
    {
        manual_seed(8);
        using var x = randn(16, 4);
        using var y = randint(0, 2, new long[] { 16 });
        using var trained = Mlp(6);
        using var looped = Mlp(6);
        using var trainedInner = optim.SGD(trained.parameters(), 0.1, momentum: 0.9);
        using var loopedInner = optim.SGD(looped.parameters(), 0.1, momentum: 0.9);
        var loopedSam = new SharpnessAwareMinimization(loopedInner, rho: 0.1, adaptive: true);

        new Trainer(trained, new SharpnessAwareMinimization(trainedInner, rho: 0.1, adaptive: true), new TrainerOptions { Epochs = 3, BatchSize = 16, Seed = 1 }).Fit(x, y);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            using var scope = NewDisposeScope();
            loopedSam.step(() =>
            {
                loopedSam.zero_grad();
                var loss = nn.functional.cross_entropy(looped.call(x), y);
                loss.backward();
                return loss;
            });
        }

        Assert.Equal(looped.parameters().SelectMany(p => Values(p)), trained.parameters().SelectMany(p => Values(p)), new FloatTolerance(1e-6f));
        using var untrained = Mlp(6);
        Assert.NotEqual(Values(untrained.parameters().First()), Values(trained.parameters().First()));
    }

    [Fact]
    public void Trainer_WithSamOnBatchNorm_SecondPassLeavesRunningStatisticsAlone()
    {
        TorchSharp.Modules.Sequential Model()
        {
            manual_seed(9);
            return nn.Sequential(("fc", nn.Linear(4, 3)), ("bn", nn.BatchNorm1d(3)), ("fc2", nn.Linear(3, 2)));
        }
        manual_seed(10);
        using var x = randn(16, 4);
        using var y = randint(0, 2, new long[] { 16 });
        using var plain = Model();
        using var sharp = Model();
        using var plainOptimizer = optim.SGD(plain.parameters(), 0.1);
        using var sharpInner = optim.SGD(sharp.parameters(), 0.1);

        new Trainer(plain, plainOptimizer, new TrainerOptions { Epochs = 1, BatchSize = 16, Seed = 1 }).Fit(x, y);
        new Trainer(sharp, new SharpnessAwareMinimization(sharpInner, rho: 0.5), new TrainerOptions { Epochs = 1, BatchSize = 16, Seed = 1 }).Fit(x, y);

        // One batch at the same starting weights: the first pass's statistics, counted once (momentum 0.1 from mean 0).
        var bn = (TorchSharp.Modules.BatchNorm1d)sharp[1];
        Assert.Equal(Values(((TorchSharp.Modules.BatchNorm1d)plain[1]).running_mean!), Values(bn.running_mean!));
        Assert.Equal(Values(((TorchSharp.Modules.BatchNorm1d)plain[1]).running_var!), Values(bn.running_var!));
        Assert.Equal(0.1, bn.momentum);
        Assert.NotEqual(Values(((TorchSharp.Modules.Linear)plain[0]).weight), Values(((TorchSharp.Modules.Linear)sharp[0]).weight));
    }

    [Fact]
    public void Trainer_SamWithAccumulation_ThrowsMessageNamingTheSteps()
    {
        using var model = Mlp();
        using var inner = optim.SGD(model.parameters(), 0.1);

        var e = Assert.Throws<ArgumentException>(() => new Trainer(model, new SharpnessAwareMinimization(inner), new TrainerOptions { AccumulationSteps = 2 }));

        Assert.StartsWith("SharpnessAwareMinimization perturbs the weights with one batch's gradient", e.Message, StringComparison.Ordinal);
        Assert.Contains("Received: AccumulationSteps=2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstStep_Twice_ThrowsAndSecondStepAlone_Throws()
    {
        using var model = Mlp();
        using var inner = optim.SGD(model.parameters(), 0.1);
        var sam = new SharpnessAwareMinimization(inner);

        var alone = Assert.Throws<InvalidOperationException>(sam.SecondStep);
        sam.FirstStep();
        var twice = Assert.Throws<InvalidOperationException>(sam.FirstStep);

        Assert.StartsWith("SecondStep needs FirstStep first", alone.Message, StringComparison.Ordinal);
        Assert.StartsWith("FirstStep was called twice without SecondStep", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroRho_ThrowsExactMessage()
    {
        using var model = Mlp();
        using var inner = optim.SGD(model.parameters(), 0.1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SharpnessAwareMinimization(inner, rho: 0));

        Assert.StartsWith("rho must be a finite number greater than 0. Received: rho=0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParamGroups_AreTheBaseOptimizers_SoLearningRateCallbacksReachIt()
    {
        using var model = Mlp();
        using var inner = optim.SGD(model.parameters(), 0.1);
        var sam = new SharpnessAwareMinimization(inner);

        sam.ParamGroups.First().LearningRate = 0.02;

        Assert.Equal(0.02, inner.ParamGroups.First().LearningRate);
        Assert.Equal(model.parameters().Count(), sam.parameters().Count());
    }
}
