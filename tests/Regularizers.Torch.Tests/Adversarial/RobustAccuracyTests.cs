using Regularizers.Torch.Adversarial;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.Adversarial.AttackModels;

namespace Regularizers.Torch.Tests.Adversarial;

public sealed class RobustAccuracyTests
{
    [Fact]
    public void Curve_GrowingEpsilon_StartsAtCleanAccuracyAndNeverRises()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        double[] epsilons = [0, 0.05, 0.1, 0.2];

        var fgsm = RobustAccuracy.Curve(model, x, y, epsilons, e => new FgsmAttack(e));
        var pgd = RobustAccuracy.Curve(model, x, y, epsilons, e => new PgdAttack(e, Math.Max(e, 1e-3) / 4, 10, randomStart: false));

        Assert.Equal(Accuracy(model, x, y), fgsm[0], 12);
        Assert.Equal(Accuracy(model, x, y), pgd[0], 12);
        for (var i = 1; i < epsilons.Length; i++)
        {
            Assert.True(fgsm[i] <= fgsm[i - 1] && pgd[i] <= pgd[i - 1], $"ε = {epsilons[i]}: FGSM {fgsm[i]}, PGD {pgd[i]}");
            Assert.True(pgd[i] <= fgsm[i], $"ε = {epsilons[i]}: PGD {pgd[i]} above FGSM {fgsm[i]}");
        }
        Assert.True(pgd[^1] < pgd[0] - 0.2);
    }

    [Fact]
    public void EvaluateRobust_Trainer_MeasuresItsModelAndLeavesItTraining()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        model.train();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Trainer(model, optimizer);

        var accuracies = trainer.EvaluateRobust(x, y, [0.1], e => new FgsmAttack(e));

        Assert.Equal(RobustAccuracy.Measure(model, x, y, new FgsmAttack(0.1)), accuracies[0], 12);
        Assert.True(model.training);
    }

    [Fact]
    public void Curve_NegativeEpsilon_ThrowsNamingTheList()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RobustAccuracy.Curve(model, x, y, [0.1, -0.2], e => new FgsmAttack(e)));

        Assert.StartsWith("epsilons must be a finite number greater than or equal to 0. Received: epsilons=-0.2.", e.Message, StringComparison.Ordinal);
    }
}
