using Regularizers.Cli.Experiments;
using Regularizers.Cli.Results;

namespace Regularizers.Cli.Tests.Results;

public class RunSetupTests
{
    private static readonly ExperimentSettings Default = Presets.Settings(Presets.DefaultName);

    [Fact]
    public void Fingerprint_OtherDevice_IsANewSetup()
    {
        var cpu = RunSetup.Of(Default, "data", 784, 10).Fingerprint();
        var gpu = RunSetup.Of(Default with { Device = "cuda:0" }, "data", 784, 10).Fingerprint();

        Assert.NotEqual(cpu, gpu);
        Assert.Matches("^[0-9a-f]{16}$", cpu);
    }

    [Fact]
    public void Fingerprint_OtherSeedCount_IsTheSameSetup()
    {
        var three = RunSetup.Of(Default with { Seeds = 3 }, "data", 784, 10).Fingerprint();
        var five = RunSetup.Of(Default with { Seeds = 5 }, "data", 784, 10).Fingerprint();

        Assert.Equal(three, five);
    }
}
