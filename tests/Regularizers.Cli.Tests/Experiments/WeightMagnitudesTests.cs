using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Tests.Experiments;

public class WeightMagnitudesTests
{
    [Fact]
    public void Fractions_KnownWeights_LandInTheirQuarterDecades()
    {
        // 0 and 1e-7 underflow; 1.1e-6 is in bin 1; 0.02 has log10 = −1.70, (−1.70 + 6)·4 = 17.2 → bin 18; −0.5 → bin 23; 10 and 50 overflow.
        var fractions = WeightMagnitudes.Fractions([0f, 1e-7f, 1.1e-6f, 0.02f, -0.5f, 10f, 50f, 0.02f]);

        Assert.Equal(WeightMagnitudes.Bins, fractions.Length);
        Assert.Equal(2 / 8.0, fractions[0]);
        Assert.Equal(1 / 8.0, fractions[1]);
        Assert.Equal(2 / 8.0, fractions[18]);
        Assert.Equal(1 / 8.0, fractions[23]);
        Assert.Equal(2 / 8.0, fractions[^1]);
        Assert.Equal(1.0, fractions.Sum(), 12);
    }

    [Fact]
    public void Center_InnerBin_IsTheGeometricMiddleOfItsEdges()
    {
        Assert.Equal(Math.Sqrt(1e-6 * Math.Pow(10, -5.75)), WeightMagnitudes.Center(1), 15);
        Assert.Equal(Math.Pow(10, -6.125), WeightMagnitudes.Center(0), 15);
    }
}
