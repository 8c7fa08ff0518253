using Regularizers.Cli.Data;
using Regularizers.Torch.Adversarial;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.Adversarial.AttackModels;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Adversarial;

public sealed class AdversarialTrainingTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.3)]
    public void Loss_Alpha_IsTheMixOfCleanAndFgsmLosses(double alpha)
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        var adversarial = new FgsmAttack(0.1).Perturb(model, x, y);
        var expected = (alpha * Loss(model, x, y)) + ((1 - alpha) * Loss(model, adversarial, y));

        var (loss, _) = AdversarialTraining.Goodfellow(0.1, alpha).Loss(model, x, y, (o, t) => nn.functional.cross_entropy(o, t));

        Assert.Equal(expected, Scalar(loss), 5);
    }

    [Fact]
    public void Loss_KeepsTheGraphToTheParametersOnly()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        model.train();

        AdversarialTraining.Madry(0.1, 0.03, 3).Loss(model, x, y, (o, t) => nn.functional.cross_entropy(o, t)).Loss.backward();

        Assert.All(model.parameters(), p => Assert.True(Scalar(p.grad!.abs().sum()) > 0));
        Assert.Null(x.grad);
    }

    [Fact]
    public void AdversarialTraining_AlphaOutsideZeroOne_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AdversarialTraining.Goodfellow(0.1, alpha: 1.5));

        Assert.Equal($"alpha must be a finite number in the range [0, 1]. Received: alpha=1.5. (Parameter 'alpha'){Environment.NewLine}Actual value was 1.5.", e.Message);
    }

    [Fact]
    public void Trainer_AdversarialOnFashionMnistSubset_HasHigherPgdAccuracyThanPlain()
    {
        // 1,000 training images, 500 test images, a 784-64-10 MLP, 6 epochs of Adam in batches of 50; Madry training with
        // 3-step PGD (step 0.04); evaluated under PGD at ε = 0.1 (10 steps of 0.025, random start). Measured: PGD accuracy
        // 0.204 plain against 0.460 adversarially trained (clean 0.772 and 0.656); a few seconds on an idle machine.
        var train = FashionMnist.LoadTrain().Take(1_000);
        var test = FashionMnist.LoadTest().Take(500);
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        using var xt = tensor(test.Pixels, new long[] { test.Count, 784 });
        using var yt = tensor(test.Labels.Select(l => (long)l).ToArray());
        var pgd = new PgdAttack(0.1, 0.025, 10, generator: new Generator(7));

        (double Clean, double Robust) Run(AdversarialTraining? adversarial)
        {
            manual_seed(0);
            using var model = nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10));
            using var optimizer = optim.Adam(model.parameters(), lr: 0.002);
            new Trainer(model, optimizer, new TrainerOptions { Epochs = 6, BatchSize = 50, Seed = 0, Adversarial = adversarial }).Fit(x, y);
            model.eval();
            using var attacked = pgd.Perturb(model, xt, yt);
            return (Accuracy(model, xt, yt), Accuracy(model, attacked, yt));
        }

        var plain = Run(null);
        var robust = Run(AdversarialTraining.Madry(0.1, 0.04, 3, generator: new Generator(8)));

        Assert.True(robust.Robust > plain.Robust + 0.15, $"PGD accuracy: plain {plain.Robust}, adversarially trained {robust.Robust}");
        Assert.True(plain.Clean > 0.7 && robust.Clean > 0.6, $"clean accuracy: plain {plain.Clean}, adversarially trained {robust.Clean}");
    }
}
