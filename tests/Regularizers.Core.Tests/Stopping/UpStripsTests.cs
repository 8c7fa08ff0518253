using Regularizers.Core.Stopping;

namespace Regularizers.Core.Tests.Stopping;

public class UpStripsTests
{
    // Strip ends (k = 2): 2 → 0.9, 4 → 0.7, 6 → 0.75, 8 → 0.78, 10 → 0.79. Rises at 6, 8 and 10; the rises at
    // epochs 5 and 9 are inside strips and do not count.
    private static readonly double[] Validation = [1.0, 0.9, 0.8, 0.7, 0.72, 0.75, 0.74, 0.78, 0.77, 0.79];

    [Fact]
    public void UpStrips_TwoSuccessiveRisingStrips_StopsAt8()
    {
        Assert.Equal([8, 10], Scripted.StopEpochs(new UpStrips(2, stripLength: 2), Scripted.Flat(10), Validation));
    }

    [Fact]
    public void UpStrips_OneStrip_StopsAtFirstRisingStripEnd()
    {
        Assert.Equal([6, 8, 10], Scripted.StopEpochs(new UpStrips(1, stripLength: 2), Scripted.Flat(10), Validation));
    }

    [Fact]
    public void UpStrips_ThreeStrips_StopsAt10()
    {
        Assert.Equal([10], Scripted.StopEpochs(new UpStrips(3, stripLength: 2), Scripted.Flat(10), Validation));
    }

    [Fact]
    public void UpStrips_Stop_ReasonListsTheStripEnds()
    {
        var decision = Scripted.Last(new UpStrips(2, 2), Validation[..8]);

        Assert.Equal("validation error rose in 2 successive strips of 2 epochs: 0.7 → 0.75 → 0.78 at epochs 4, 6, 8", decision.Reason);
    }

    [Fact]
    public void UpStrips_RisingFromTheStart_FirstStopNeedsAPreviousStripEnd()
    {
        var rising = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();

        Assert.Equal([10], Scripted.StopEpochs(new UpStrips(1), Scripted.Flat(10), rising));
    }

    [Fact]
    public void UpStrips_EqualValues_DoNotCountAsRise()
    {
        Assert.Equal(0, Scripted.FirstStop(new UpStrips(1, 1), [0.5, 0.5, 0.5]));
        Assert.Equal(3, Scripted.FirstStop(new UpStrips(1, 1), [0.5, 0.5, 0.6]));
    }

    [Theory]
    [InlineData(0, 5, "strips", 0)]
    [InlineData(2, -1, "stripLength", -1)]
    public void UpStrips_InvalidArguments_Throw(int strips, int stripLength, string name, int value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new UpStrips(strips, stripLength));

        Assert.Equal(
            Messages.OutOfRange($"{name} must be an integer greater than or equal to 1. Received: {name}={value}.", name, value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            error.Message);
    }
}
