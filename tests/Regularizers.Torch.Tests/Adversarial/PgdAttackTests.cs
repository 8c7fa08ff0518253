using Regularizers.Torch.Adversarial;
using static Regularizers.Torch.Tests.Adversarial.AttackModels;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Adversarial;

public sealed class PgdAttackTests
{
    [Fact]
    public void Pgd_TrainedModel_StaysInTheBallAndTheInputRange()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        var adversarial = new PgdAttack(0.1, 0.03, 10, generator: new Generator(1)).Perturb(model, x, y);

        Assert.True(Scalar((adversarial - x).abs().max()) <= 0.1 + 1e-6);
        Assert.True(Scalar(adversarial.min()) >= 0 && Scalar(adversarial.max()) <= 1);
        Assert.True(Loss(model, adversarial, y) > Loss(model, x, y));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.2)]
    public void Pgd_MoreSteps_NeverWeakerThanFgsm(double epsilon)
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        var fgsm = Accuracy(model, new FgsmAttack(epsilon).Perturb(model, x, y), y);
        var pgd = Accuracy(model, new PgdAttack(epsilon, epsilon / 4, 20, generator: new Generator(2)).Perturb(model, x, y), y);

        Assert.True(pgd <= fgsm, $"PGD-20 accuracy {pgd} above FGSM's {fgsm} at ε = {epsilon}");
        Assert.True(Accuracy(model, x, y) > fgsm);
    }

    [Fact]
    public void Pgd_OneStepOfEpsilonWithoutRandomStart_IsFgsm()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();

        Assert.Equal(Values(new FgsmAttack(0.1).Perturb(model, x, y)), Values(new PgdAttack(0.1, 0.1, 1, randomStart: false).Perturb(model, x, y)));
    }

    [Fact]
    public void Pgd_RandomStart_GeneratorFixesTheResult()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        PgdAttack Attack(ulong seed) => new(0.1, 0.02, 3, generator: new Generator(seed));

        Assert.Equal(Values(Attack(5).Perturb(model, x, y)), Values(Attack(5).Perturb(model, x, y)));
        Assert.NotEqual(Values(Attack(5).Perturb(model, x, y)), Values(Attack(6).Perturb(model, x, y)));
    }

    [Fact]
    public void Pgd_ModelWithBatchNormAndDropoutInTraining_KeepsModesStatisticsAndGradients()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var frozen = nn.BatchNorm1d(8);
        var norm = nn.BatchNorm1d(16);
        var model = nn.Sequential(("frozen", frozen), ("fc1", nn.Linear(8, 16)), ("norm", norm), ("drop", nn.Dropout(0.5)), ("fc2", nn.Linear(16, 2)));
        model.train();
        frozen.eval();
        var x = rand(32, 8);
        var y = randint(0, 2, new long[] { 32 });
        nn.functional.cross_entropy(model.call(x), y).backward();
        var (mean, variance, tracked) = (Values(norm.running_mean!), Values(norm.running_var!), norm.num_batches_tracked!.item<long>());
        var gradients = model.parameters().Select(p => Values(p.grad!)).ToArray();

        new PgdAttack(0.1, 0.02, 5, generator: new Generator(4)).Perturb(model, x, y);

        Assert.True(model.training);
        Assert.True(norm.training);
        Assert.False(frozen.training);
        Assert.Equal(mean, Values(norm.running_mean!));
        Assert.Equal(variance, Values(norm.running_var!));
        Assert.Equal(tracked, norm.num_batches_tracked!.item<long>());
        Assert.Equal(gradients, model.parameters().Select(p => Values(p.grad!)).ToArray());
    }

    [Theory]
    [InlineData(0.0, 5, "stepSize must be a finite number greater than 0. Received: stepSize=0.")]
    [InlineData(0.01, 0, "steps must be an integer greater than or equal to 1. Received: steps=0.")]
    public void Pgd_BadArgument_ThrowsNamingIt(double stepSize, int steps, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PgdAttack(0.1, stepSize, steps));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Counts process-wide live tensors, so it runs with no other test class in parallel.</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class AttackLeakTests
{
    [Fact]
    public void Attacks_RepeatedCalls_LeaveOnlyTheirOutputs()
    {
        var (model, x, y) = Trained();
        AdversarialAttack[] attacks = [new FgsmAttack(0.1), new PgdAttack(0.1, 0.02, 4)];
        foreach (var attack in attacks)
        {
            attack.Perturb(model, x, y).Dispose();
        }
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 10; i++)
        {
            foreach (var attack in attacks)
            {
                attack.Perturb(model, x, y).Dispose();
            }
        }

        Assert.Equal(before, Tensor.TotalCount);
        model.Dispose();
        x.Dispose();
        y.Dispose();
    }
}
