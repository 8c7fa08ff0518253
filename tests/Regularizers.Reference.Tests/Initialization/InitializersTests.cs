using Regularizers.Reference.Initialization;

namespace Regularizers.Reference.Tests.Initialization;

/// <summary>Xavier and He initializers: sample variance against the closed-form variance and PyTorch's.</summary>
public class InitializersTests
{
    [Theory]
    [InlineData("xavier_uniform")]
    [InlineData("xavier_normal")]
    [InlineData("he_uniform")]
    [InlineData("he_normal")]
    public void Initializer_SampleVariance_MatchesFormulaAndPyTorch(string name)
    {
        var g = Golden.Root.GetProperty("init_variance");
        var (fanOut, fanIn) = (g.GetProperty("fan_out").GetInt32(), g.GetProperty("fan_in").GetInt32());
        var random = new Random(7);
        var (w, formula) = name switch
        {
            "xavier_uniform" => (Initializers.XavierUniform(fanOut, fanIn, random), 2.0 / (fanIn + fanOut)),
            "xavier_normal" => (Initializers.XavierNormal(fanOut, fanIn, random), 2.0 / (fanIn + fanOut)),
            "he_uniform" => (Initializers.HeUniform(fanOut, fanIn, random), 2.0 / fanIn),
            _ => (Initializers.HeNormal(fanOut, fanIn, random), 2.0 / fanIn),
        };

        var mean = w.Data.Average();
        var variance = w.Data.Sum(v => (v - mean) * (v - mean)) / (w.Data.Length - 1);

        // The sample variance of n = 150,000 draws has a relative standard error of √(2/n) ≈ 0.4% (normal) and less
        // for uniform; 2% is five standard errors.
        Assert.InRange(variance / formula, 0.98, 1.02);
        Assert.InRange(g.GetProperty(name).GetDouble() / formula, 0.98, 1.02);
    }
}
