using Regularizers.Torch.Adversarial;
using static Regularizers.Torch.Tests.Adversarial.AttackModels;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Adversarial;

public sealed class FgsmAttackTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void Fgsm_TrainedModel_StaysInTheBallAndTheInputRangeAndRaisesTheLoss(double epsilon)
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        var adversarial = new FgsmAttack(epsilon).Perturb(model, x, y);

        Assert.InRange(Scalar((adversarial - x).abs().max()), epsilon - 1e-6, epsilon + 1e-6);
        Assert.True(Scalar(adversarial.min()) >= 0 && Scalar(adversarial.max()) <= 1);
        Assert.True(Loss(model, adversarial, y) > Loss(model, x, y) + 0.05, $"loss {Loss(model, adversarial, y)} against clean {Loss(model, x, y)}");
        Assert.True(Accuracy(model, adversarial, y) < Accuracy(model, x, y));
    }

    [Fact]
    public void Fgsm_EpsilonZero_ReturnsTheInput()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();

        Assert.Equal(Values(x), Values(new FgsmAttack(0).Perturb(model, x, y)));
    }

    [Fact]
    public void Fgsm_InsideNoGrad_StillFollowsTheGradient()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        var outside = Values(new FgsmAttack(0.1).Perturb(model, x, y));
        using var noGrad = no_grad();

        Assert.Equal(outside, Values(new FgsmAttack(0.1).Perturb(model, x, y)));
    }

    [Theory]
    [InlineData(-0.1, 0.0, 1.0, "epsilon must be a finite number greater than or equal to 0. Received: epsilon=-0.1.")]
    [InlineData(double.NaN, 0.0, 1.0, "epsilon must be a finite number greater than or equal to 0. Received: epsilon=NaN.")]
    [InlineData(0.1, 1.0, 0.0, "inputRange must be a range (min, max) of finite numbers with -1.7976931348623157E+308 <= min <= max <= 1.7976931348623157E+308. Received: inputRange=(1, 0).")]
    public void Fgsm_BadArgument_ThrowsNamingIt(double epsilon, double min, double max, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FgsmAttack(epsilon, min, max));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
