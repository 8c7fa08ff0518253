using Regularizers.Cli.Data;
using Regularizers.Reference.Losses;
using Regularizers.Reference.Networks;
using Regularizers.Reference.Optimizers;
using TorchSharp.Modules;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests;

/// <summary>
/// Seed 004's MNIST experiment at small scale: a 784-200-10 sigmoid network, plain SGD lr 0.01, batch 64, trained for
/// one epoch on 5,000 Fashion-MNIST images by the reference and by torch from identical initial weights and batch order.
/// </summary>
public class SeedExperimentTests
{
    private const int Examples = 5_000;
    private const int BatchSize = 64;
    private const double LearningRate = 0.01;

    [Fact]
    public void OneEpoch_ReferenceAndTorch_AgreeWithin1e4InLoss()
    {
        var train = FashionMnist.LoadTrain().Take(Examples);
        var test = FashionMnist.LoadTest().Take(1_000);
        manual_seed(20);
        using var model = nn.Sequential(("fc1", nn.Linear(784, 200)), ("act", nn.Sigmoid()), ("fc2", nn.Linear(200, 10)));
        var layers = model.children().OfType<Linear>()
            .Select(l => new AffineLayer(new Matrix((int)l.weight.shape[0], (int)l.weight.shape[1], Doubles(l.weight)), Doubles(l.bias!)))
            .ToList();
        var reference = new DenseNetwork(layers, [Activation.Sigmoid, Activation.Identity]);
        using var optimizer = optim.SGD(model.parameters(), LearningRate);
        var sgd = new Sgd(LearningRate);
        var order = Enumerable.Range(0, Examples).ToArray();
        new Random(21).Shuffle(order);
        using var x = tensor(train.Pixels, new long[] { Examples, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());

        double torchSum = 0, referenceSum = 0;
        for (var start = 0; start < Examples; start += BatchSize)
        {
            var batch = order[start..Math.Min(start + BatchSize, Examples)];
            using var scope = NewDisposeScope();
            using var idx = tensor(batch.Select(i => (long)i).ToArray());
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            loss.backward();
            optimizer.step();
            torchSum += loss.item<float>() * batch.Length;
            var xb = new Matrix(batch.Length, 784, batch.SelectMany(i => train.Pixels.AsSpan(i * 784, 784).ToArray().Select(v => (double)v)).ToArray());
            referenceSum += reference.TrainStep(xb, batch.Select(i => train.Labels[i]).ToArray(), sgd) * batch.Length;
        }
        var testX = new Matrix(test.Count, 784, test.Pixels.Select(v => (double)v).ToArray());
        var referenceTest = SoftmaxCrossEntropy.Compute(reference.Forward(testX).Output, test.Labels).Loss;
        using var testLogits = model.call(tensor(test.Pixels, new long[] { test.Count, 784 }));
        using var torchTest = nn.functional.cross_entropy(testLogits, tensor(test.Labels.Select(l => (long)l).ToArray()));

        Assert.Equal(torchSum / Examples, referenceSum / Examples, 1e-4);
        Assert.Equal(torchTest.item<float>(), referenceTest, 1e-4);
        // One epoch of plain SGD at lr 0.01 moves a sigmoid network only a little from log 10 = 2.303.
        Assert.InRange(referenceTest, 1.8, 2.3);
    }
}
