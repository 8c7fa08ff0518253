using TorchSharp.Modules;

namespace TorchSharp.Compat.Tests;

/// <summary>torch.optim.lr_scheduler.StepLR: PyTorch's chainable rule (×γ when the epoch is a positive multiple of step_size) and closed form.</summary>
public sealed class LRSchedulerTests
{
    private static List<double> RatesOverEpochs(torch.optim.Optimizer optimizer, torch.optim.lr_scheduler.LRScheduler scheduler, int epochs)
    {
        var rates = new List<double>();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            rates.Add(optimizer.ParamGroups.First().LearningRate);
            scheduler.step();
        }
        return rates;
    }

    [Fact]
    public void StepLR_StepSizeTwoGammaHalf_HalvesTheRateEveryTwoEpochs()
    {
        using var w = new Parameter(zeros(2));
        using var optimizer = torch.optim.SGD(new[] { w }, 0.8);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 2, gamma: 0.5);

        var rates = RatesOverEpochs(optimizer, scheduler, 7);

        Assert.Equal(new[] { 0.8, 0.8, 0.4, 0.4, 0.2, 0.2, 0.1 }, rates);
    }

    [Fact]
    public void StepLR_DefaultGamma_DividesByTenEveryStepSizeEpochs()
    {
        using var w = new Parameter(zeros(2));
        using var optimizer = torch.optim.Adam(new[] { w }, lr: 1.0);
        var scheduler = new torch.optim.lr_scheduler.impl.StepLR(optimizer, 3);

        var rates = RatesOverEpochs(optimizer, scheduler, 7);

        Assert.Equal(new[] { 1.0, 1.0, 1.0, 0.1, 0.1, 0.1, 0.01 }, rates.Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void GetLastLr_AfterEachStep_ReturnsTheRateJustSet()
    {
        using var w = new Parameter(zeros(2));
        using var optimizer = torch.optim.SGD(new[] { w }, 0.8);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1, gamma: 0.5);

        Assert.Equal(new[] { 0.8 }, scheduler.get_last_lr());
        scheduler.step();
        Assert.Equal(new[] { 0.4 }, scheduler.get_last_lr());
        scheduler.step();
        Assert.Equal(new[] { 0.2 }, scheduler.get_last_lr());
        Assert.Equal(0.2, optimizer.ParamGroups.Single().LearningRate);
        Assert.Equal(0.8, optimizer.ParamGroups.Single().InitialLearningRate);
    }

    [Fact]
    public void StepLR_StepToEpoch_UsesTheClosedForm()
    {
        using var w = new Parameter(zeros(2));
        using var optimizer = torch.optim.SGD(new[] { w }, 0.8);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 2, gamma: 0.5);

        scheduler.step(5);

        Assert.Equal(0.2, optimizer.ParamGroups.Single().LearningRate);
    }

    [Fact]
    public void StepLR_RateChangedOutsideTheScheduler_DecaysFromTheNewRate()
    {
        using var w = new Parameter(zeros(2));
        using var optimizer = torch.optim.SGD(new[] { w }, 0.8);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 2, gamma: 0.5);

        optimizer.ParamGroups.Single().LearningRate = 0.3;
        scheduler.step();
        scheduler.step();

        Assert.Equal(0.15, optimizer.ParamGroups.Single().LearningRate, 12);
    }

    [Fact]
    public void StepLR_TwoParamGroups_DecaysEachGroupFromItsOwnRate()
    {
        using var a = new Parameter(zeros(2));
        using var b = new Parameter(zeros(2));
        using var optimizer = torch.optim.SGD(new[] { new SGD.ParamGroup(new[] { a }, lr: 0.2), new SGD.ParamGroup(new[] { b }, lr: 0.6) }, 0.1);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1, gamma: 0.5);

        scheduler.step();

        Assert.Equal(new[] { 0.1, 0.3 }, optimizer.ParamGroups.Select(g => g.LearningRate));
        Assert.Equal(new[] { 0.1, 0.3 }, scheduler.get_last_lr());
    }

    [Fact]
    public void StepLR_ScheduledRate_IsUsedByTheNextOptimizerStep()
    {
        using var w = new Parameter(tensor(new[] { 1f }));
        using var optimizer = torch.optim.SGD(new[] { w }, 1.0);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1, gamma: 0.25);
        scheduler.step();

        using (NewDisposeScope())
        {
            optimizer.zero_grad();
            w.sum().backward();
            optimizer.step();
        }

        Assert.Equal(new[] { 0.75f }, w.data<float>().ToArray());
    }
}
