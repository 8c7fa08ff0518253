namespace TorchSharp.Compat.Tests;

public class OptimizerBaseTests
{
    private sealed class Bare : optim.Optimizer
    {
        public Bare() : base(IntPtr.Zero)
        {
        }
    }

    [Fact]
    public void Step_NotOverridden_ThrowsNamingTheMember()
    {
        using var bare = new Bare();

        var e = Assert.Throws<NotSupportedException>(() => bare.step());

        Assert.Equal("Bare.step: native optimizers are not available in this TorchSharp subset; derive from OptimizerHelper and override step.", e.Message);
    }

    [Fact]
    public void AddParamGroup_NotOverridden_ThrowsNamingTheMember()
    {
        using var bare = new Bare();

        var e = Assert.Throws<NotSupportedException>(() => bare.add_param_group(null!));

        Assert.StartsWith("Bare.add_param_group: native optimizers", e.Message, StringComparison.Ordinal);
    }
}
