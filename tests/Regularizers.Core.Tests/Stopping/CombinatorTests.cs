using Regularizers.Core.Stopping;

namespace Regularizers.Core.Tests.Stopping;

public class CombinatorTests
{
    // GL(3) = 20.
    private static readonly double[] Validation = [0.5, 0.5, 0.6];

    private const string GlReason =
        "generalization loss GL(3) = 20% exceeds alpha = 5%: the validation error 0.6 is 20% above the lowest so far";

    [Fact]
    public void Any_BothStop_JoinsReasons()
    {
        var decision = Scripted.Last(StoppingCriteria.Any(new GeneralizationLoss(5), new MaxEpochs(3)), Validation);

        Assert.Equal($"{GlReason}; reached the maximum of 3 epochs", decision.Reason);
    }

    [Fact]
    public void Any_OneStops_StopsWithItsReason()
    {
        var any = StoppingCriteria.Any(new GeneralizationLoss(5), new MaxEpochs(2));

        Assert.Equal([2, 3], Scripted.StopEpochs(any, Scripted.Flat(3), Validation));
        Assert.Equal("reached the maximum of 2 epochs", Scripted.Last(any, Validation[..2]).Reason);
    }

    [Fact]
    public void All_OnlyOneStops_Continues()
    {
        var all = StoppingCriteria.All(new GeneralizationLoss(5), new MaxEpochs(2));

        Assert.Equal([3], Scripted.StopEpochs(all, Scripted.Flat(3), Validation));
        Assert.Equal($"{GlReason}; reached the maximum of 2 epochs", Scripted.Last(all, Validation).Reason);
    }

    [Fact]
    public void Any_Criteria_KeepsOrder()
    {
        var first = new MaxEpochs(4);
        var second = new UpStrips(2);

        Assert.Equal<IStoppingCriterion>([first, second], new AnyCriterion(first, second).Criteria);
    }

    [Fact]
    public void Any_Empty_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => StoppingCriteria.Any());

        Assert.Equal(Messages.Argument("criteria must hold at least one criterion. Received: an empty list.", "criteria"), error.Message);
    }

    [Fact]
    public void All_NullElement_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => StoppingCriteria.All(new MaxEpochs(1), null!));

        Assert.Equal(Messages.Argument("criteria must not contain null. Received: criteria[1]=null.", "criteria"), error.Message);
    }

    [Fact]
    public void MaxEpochs_ReachesLimit_StopsFromThenOn()
    {
        Assert.Equal([3, 4], Scripted.StopEpochs(new MaxEpochs(3), Scripted.Flat(4), Scripted.Flat(4)));
        Assert.Equal("reached the maximum of 1 epoch", Scripted.Last(new MaxEpochs(1), [0.5]).Reason);
    }

    [Fact]
    public void MaxEpochs_Zero_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MaxEpochs(0));

        Assert.Equal(Messages.OutOfRange("maxEpochs must be an integer greater than or equal to 1. Received: maxEpochs=0.", "maxEpochs", "0"), error.Message);
    }

    [Fact]
    public void StopDecision_Default_IsContinue()
    {
        StopDecision decision = default;

        Assert.Equal(StopDecision.Continue, decision);
        Assert.False(decision.ShouldStop);
        Assert.Null(decision.Reason);
    }

    [Fact]
    public void StopDecision_Stop_CarriesReason()
    {
        var decision = StopDecision.Stop("because");

        Assert.True(decision.ShouldStop);
        Assert.Equal("because", decision.Reason);
        Assert.Equal(StopDecision.Stop("because"), decision);
    }

    [Fact]
    public void StopDecision_BlankReason_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => StopDecision.Stop(" "));

        Assert.Equal("reason", error.ParamName);
    }
}
