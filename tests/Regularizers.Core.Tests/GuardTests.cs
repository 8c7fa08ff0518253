namespace Regularizers.Core.Tests;

public class GuardTests
{
    private enum Color
    {
        Red,
        Green,
        Blue,
    }

    [Fact]
    public void Positive_NegativeValue_NamesTheCallersArgument()
    {
        var alpha = -1.0;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(alpha));

        Assert.Equal(Messages.OutOfRange("alpha must be a finite number greater than 0. Received: alpha=-1.", "alpha", "-1"), error.Message);
        Assert.Equal("alpha", error.ParamName);
        Assert.Equal(-1.0, error.ActualValue);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Positive_ZeroOrNonFinite_Throws(double value, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(value, "rate"));

        Assert.Equal(Messages.OutOfRange($"rate must be a finite number greater than 0. Received: rate={shown}.", "rate", shown), error.Message);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(3.5)]
    public void Positive_PositiveValue_ReturnsIt(double value) => Assert.Equal(value, Guard.Positive(value));

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Finite_NonFinite_Throws(double value, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Finite(value, "baseline"));

        Assert.Equal(Messages.OutOfRange($"baseline must be a finite number. Received: baseline={shown}.", "baseline", shown), error.Message);
    }

    [Fact]
    public void Finite_FiniteValue_ReturnsIt() => Assert.Equal(-7.25, Guard.Finite(-7.25));

    [Fact]
    public void NonNegative_Zero_ReturnsIt() => Assert.Equal(0.0, Guard.NonNegative(0.0));

    [Fact]
    public void NonNegative_Negative_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NonNegative(-0.5, "strength"));

        Assert.Equal(
            Messages.OutOfRange("strength must be a finite number greater than or equal to 0. Received: strength=-0.5.", "strength", "-0.5"),
            error.Message);
    }

    [Theory]
    [InlineData(0.0, false, "(0, 1]")]
    [InlineData(1.5, true, "[0, 1]")]
    public void InRange_Outside_WritesTheIntervalInBracketNotation(double value, bool minInclusive, string interval)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(value, 0, minInclusive, 1, true, "p"));

        var shown = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Messages.OutOfRange($"p must be a finite number in the range {interval}. Received: p={shown}.", "p", shown), error.Message);
    }

    [Fact]
    public void InRange_ExcludedUpperBound_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(1.0, 0, true, 1, false, "p"));

        Assert.Equal(Messages.OutOfRange("p must be a finite number in the range [0, 1). Received: p=1.", "p", "1"), error.Message);
    }

    [Fact]
    public void InRange_NaN_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(double.NaN, 0, true, 1, true, "p"));

        Assert.Equal(Messages.OutOfRange("p must be a finite number in the range [0, 1]. Received: p=NaN.", "p", "NaN"), error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.25)]
    public void InRange_InsideClosedInterval_ReturnsIt(double value) => Assert.Equal(value, Guard.InRange(value, 0, true, 1, true));

    [Fact]
    public void AtLeast_BelowMinimum_Throws()
    {
        var strips = 0;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.AtLeast(strips, 1));

        Assert.Equal(Messages.OutOfRange("strips must be an integer greater than or equal to 1. Received: strips=0.", "strips", "0"), error.Message);
    }

    [Fact]
    public void AtLeast_AtMinimum_ReturnsIt() => Assert.Equal(3, Guard.AtLeast(3, 3));

    [Fact]
    public void Defined_UndefinedMember_ListsTheNames()
    {
        var color = (Color)7;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Defined(color));

        Assert.Equal(Messages.OutOfRange("color must be Red, Green or Blue. Received: color=7.", "color", "7"), error.Message);
    }

    [Fact]
    public void Defined_DefinedMember_ReturnsIt() => Assert.Equal(Color.Blue, Guard.Defined(Color.Blue));

    [Fact]
    public void OutOfRange_CustomRequirement_FollowsTheSameSentence()
    {
        var error = Guard.OutOfRange(2.5f, "at most 1 when sampling without replacement", "fraction");

        Assert.Equal(
            Messages.OutOfRange("fraction must be at most 1 when sampling without replacement. Received: fraction=2.5.", "fraction", "2.5"),
            error.Message);
    }

    [Fact]
    public void Show_Double_PrintsRoundTripInvariant() => Assert.Equal("0.1", Guard.Show(0.1));

    [Theory]
    [InlineData(2.0, 1.0, "(2, 1)")]
    [InlineData(-1.0, 1.0, "(-1, 1)")]
    [InlineData(0.5, 11.0, "(0.5, 11)")]
    [InlineData(double.NaN, 1.0, "(NaN, 1)")]
    public void Range_EmptyOrOutsideTheBounds_NamesTheRangeAndTheBounds(double min, double max, string shown)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Range((min, max), 0, 10, "scale"));

        Assert.Equal(
            Messages.OutOfRange($"scale must be a range (min, max) of finite numbers with 0 <= min <= max <= 10. Received: scale={shown}.", "scale", shown),
            error.Message);
    }

    [Fact]
    public void Range_SinglePointInsideTheBounds_ReturnsIt() => Assert.Equal((3.0, 3.0), Guard.Range((3.0, 3.0), 0, 10));
}
