using Regularizers.Cli.Experiments;

namespace Regularizers.Cli.Tests.Experiments;

/// <summary>Sweeps: a family over a grid of strengths, one configuration per value, found again by name.</summary>
public sealed class SweepTests
{
    [Fact]
    public void Parse_L2Grid_OneConfigurationPerValueNamedByIt()
    {
        var sweep = Sweep.Parse("l2=1e-5, 1e-4,1e-3");

        var configurations = sweep.Configurations();

        Assert.Equal(["l2@1E-05", "l2@0.0001", "l2@0.001"], configurations.Select(c => c.Name));
        Assert.Equal("L2 penalty (λ/2)·Σw², λ = 0.0001, weights only", configurations[1].Description);
        var penalty = Assert.IsType<Regularizers.Torch.Penalties.L2Penalty>(Assert.Single(configurations[1].Regularization!().WeightPenalties));
        Assert.Equal(1e-4, penalty.Strength);
    }

    [Theory]
    [InlineData("l2@0.001", "L2 penalty (λ/2)·Σw², λ = 0.001, weights only")]
    [InlineData("dropout@0.3", "inverted dropout p = 0.3 after each hidden layer")]
    [InlineData("max-norm@2", "max-norm c = 2 with inverted dropout 0.2/0.5")]
    public void Find_SweepName_RebuildsItsConfiguration(string name, string description)
    {
        var configuration = Catalog.Find(Presets.DefaultName, name);

        Assert.Equal((name, description), (configuration!.Name, configuration.Description));
    }

    [Theory]
    [InlineData("dropout@1")]
    [InlineData("l2@-1")]
    [InlineData("bogus@1")]
    [InlineData("l2@x")]
    public void Find_NotASweepPoint_IsNull(string name) => Assert.Null(Catalog.Find(Presets.DefaultName, name));

    [Theory]
    [InlineData("bogus=1", "--sweep must be family=v1,v2,… with a family of: l2 (λ ≥ 0), l1 (λ ≥ 0), dropout (0 ≤ p < 1), label-smoothing (0 ≤ ε < 1), input-noise (σ ≥ 0), weight-noise (σ ≥ 0), max-norm (c > 0). Received: bogus=1.")]
    [InlineData("dropout=0.5,1", "--sweep dropout: every value must be a number with 0 ≤ p < 1. Received: 1.")]
    [InlineData("l2=", "--sweep l2: give at least one value, e.g. l2=0.1,0.2. Received: l2=.")]
    [InlineData("max-norm=0", "--sweep max-norm: every value must be a number with c > 0. Received: 0.")]
    public void Compare_BadSweep_ExitsTwoSayingWhatIsAllowed(string sweep, string message)
    {
        var (code, _, error) = CliRunner.Run("compare", "--sweep", sweep);

        Assert.Equal((2, message), (code, error));
    }

    [Fact]
    public void Compare_Sweep_RunsNoneAndEachStrength()
    {
        var (code, output, error) = CliRunner.Run(
            "compare", "--train-size", "300", "--validation-size", "100", "--epochs", "1", "--seeds", "1", "--sweep", "label-smoothing=0.1,0.2");

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("│ none ", output, StringComparison.Ordinal);
        Assert.Contains("│ label-smoothing@0.1 ", output, StringComparison.Ordinal);
        Assert.Contains("│ label-smoothing@0.2 ", output, StringComparison.Ordinal);
    }
}
