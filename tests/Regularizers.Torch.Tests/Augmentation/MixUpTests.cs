using Regularizers.Torch.Augmentation;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Augmentation;

public sealed class MixUpTests
{
    [Fact]
    public void MixUp_Batch_EachExampleIsItsOwnConvexMixAndTargetsSumToOne()
    {
        using var scope = NewDisposeScope();
        // Example i holds the constant i and label i % 4: the mixed value v = λ·i + (1 − λ)·j recovers λ, and the
        // target must put λ on i % 4 and 1 − λ on j % 4.
        var x = arange(8f).view(8, 1).expand(8, 3).contiguous();
        var y = arange(8L).remainder(4);

        var (mixed, soft) = new MixUp(4, alpha: 0.4, generator: new Generator(1)).Apply(x, y);

        var values = Values(mixed);
        var targets = Values(soft);
        Assert.Equal(new[] { 8L, 4 }, soft.shape);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal(1f, targets.Skip(4 * i).Take(4).Sum(), new FloatTolerance(1e-6f)));
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal(values[3 * i], values[(3 * i) + 2]));
        var lambdas = new HashSet<float>();
        for (var i = 0; i < 8; i++)
        {
            // The mass on the example's own class is at least λ (more when its partner shares the class).
            Assert.InRange(values[3 * i], 0, 7);
            lambdas.Add(targets[(4 * i) + (i % 4)]);
        }
        Assert.True(lambdas.Count > 4, "λ should be drawn per example");
    }

    [Fact]
    public void MixUp_SameGeneratorSeed_SameMix()
    {
        using var scope = NewDisposeScope();
        var x = rand(16, 5);
        var y = randint(0, 3, new long[] { 16 });

        var first = new MixUp(3, generator: new Generator(2)).Apply(x, y);
        var second = new MixUp(3, generator: new Generator(2)).Apply(x, y);

        Assert.Equal(Values(first.Input), Values(second.Input));
        Assert.Equal(Values(first.Target), Values(second.Target));
    }

    [Fact]
    public void CutMix_Batch_PastesOneBoxAndTargetsMatchItsArea()
    {
        using var scope = NewDisposeScope();
        // Image i is the constant i; after CutMix, the share of pixels that are not i is exactly 1 − λ′ on i's own class.
        var x = arange(6f).view(6, 1, 1, 1).expand(6, 1, 10, 10).contiguous();
        var y = arange(6L);

        var (mixed, soft) = new CutMix(6, generator: new Generator(3)).Apply(x, y);

        var owns = new List<float>();
        for (var i = 0; i < 6; i++)
        {
            var pixels = Values(mixed[i]);
            var own = pixels.Count(v => v == i) / 100f;
            // λ′ = own share; when π(i) = i the box pastes the image into itself and the target stays one-hot, as own = 1.
            Assert.Equal(own, Values(soft[i])[i], new FloatTolerance(1e-6f));
            Assert.InRange(pixels.Distinct().Count(), 1, 2);
            owns.Add(own);
        }
        Assert.Contains(owns, o => o < 1);
    }

    [Theory]
    [InlineData(0.0, "alpha must be a finite number greater than 0. Received: alpha=0.")]
    [InlineData(-1.0, "alpha must be a finite number greater than 0. Received: alpha=-1.")]
    public void MixUp_BadAlpha_ThrowsNamingIt(double alpha, string message)
    {
        Assert.StartsWith(message, Assert.Throws<ArgumentOutOfRangeException>(() => new MixUp(10, alpha)).Message, StringComparison.Ordinal);
        Assert.StartsWith(message, Assert.Throws<ArgumentOutOfRangeException>(() => new CutMix(10, alpha)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CutMix_NonImageTensor_ThrowsNamingShape()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => new CutMix(10).Apply(ones(4, 784), zeros(new long[] { 4 }, ScalarType.Int64)));

        Assert.StartsWith("input must be a floating-point image batch shaped [N, C, H, W]. Received: input of shape [4, 784]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trainer_WithMixUp_TrainsOnSoftTargetsAndCountsAccuracyAgainstTheLabels()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var x = rand(128, 6);
        var y = x.narrow(1, 0, 3).sum(1).gt(1.5).to_type(ScalarType.Int64);
        var model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 2));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.02);
        using var loss = new LabelSmoothingCrossEntropy(0.1);

        var history = new Trainer(model, optimizer, new TrainerOptions
        {
            Epochs = 15, BatchSize = 32, Seed = 4, Loss = loss.call, BatchTransform = new MixUp(2, alpha: 0.2, generator: new Generator(5)),
        }).Fit(x, y);

        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss);
        Assert.InRange(history.Epochs[^1].TrainAccuracy, 0.7, 1.0);
    }
}
