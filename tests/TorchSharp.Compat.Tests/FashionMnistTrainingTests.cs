using Regularizers.Data;
using TorchSharp.Modules;

namespace TorchSharp.Compat.Tests;

/// <summary>End to end on real data: the backend trains a network as well as PyTorch does.</summary>
public sealed class FashionMnistTrainingTests
{
    [Fact]
    public void Mlp784x256x256x10_OneEpochSgdOnFashionMnist_ReachesAtLeast78PercentTestAccuracy()
    {
        // PyTorch 1.13 reaches 79.5% with these settings (eng/bench/mlp_epoch.py); 78% leaves room for seed noise.
        var train = FashionMnist.LoadTrain();
        var test = FashionMnist.LoadTest();
        manual_seed(0);
        using var model = torch.nn.Sequential(
            torch.nn.Linear(784, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 10));
        using var optimizer = torch.optim.SGD(model.parameters(), 0.1);
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        using var order = randperm(train.Count);

        for (long start = 0; start < train.Count; start += 128)
        {
            using var scope = NewDisposeScope();
            var idx = order.narrow(0, start, Math.Min(128, train.Count - start));
            optimizer.zero_grad();
            var loss = torch.nn.functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            loss.backward();
            optimizer.step();
        }

        model.eval();
        using var noGrad = no_grad();
        using var xt = tensor(test.Pixels, new long[] { test.Count, 784 });
        using var yt = tensor(test.Labels.Select(l => (long)l).ToArray());
        using var predicted = model.call(xt).argmax(1);
        var accuracy = predicted.eq(yt).to_type(ScalarType.Float64).mean().item<double>();
        Assert.InRange(accuracy, 0.78, 1.0);
    }

    [Fact]
    public void FashionMnist_RealIdxFiles_Have60000And10000ImagesWithLabels0To9()
    {
        var train = FashionMnist.LoadTrain();
        var test = FashionMnist.LoadTest();

        Assert.Equal((60_000, 10_000), (train.Count, test.Count));
        Assert.Equal((28, 28), (train.Height, train.Width));
        Assert.Equal(Enumerable.Range(0, 10), train.Labels.Distinct().Order());
        Assert.Equal(6_000, train.Labels.Count(l => l == 9));
        Assert.InRange(train.Pixels.Max(), 1f, 1f);
    }
}
