using System.Diagnostics;
using Regularizers.Cli.Data;
using Regularizers.Reference;
using Regularizers.Reference.Networks;
using Regularizers.Reference.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Bench;

/// <summary>
/// Issue 5's benchmark: one epoch of the 784-256-256-10 ReLU MLP (SGD lr 0.1, batch 128) on the first 10,000 training
/// images, trained by the from-scratch reference (float64, one thread) and by torch, from the same initial weights and
/// batch order, in the same process. Prints the epoch times, their ratio and both final training losses.
/// </summary>
internal static class ReferenceEpoch
{
    private const int Examples = 10_000;
    private const int BatchSize = 128;

    public static void Run(LabeledImages all)
    {
        var train = all.Take(Examples);
        var order = Enumerable.Range(0, Examples).ToArray();
        new Random(0).Shuffle(order);
        var torchSeconds = Enumerable.Range(0, 3).Select(_ => TorchEpoch(train, order).Seconds).Min();
        var (referenceSeconds, referenceLoss) = ReferenceRun(train, order);
        var (_, torchLoss) = TorchEpoch(train, order);
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            examples = Examples,
            torch_epoch_seconds = torchSeconds,
            reference_epoch_seconds = referenceSeconds,
            ratio = referenceSeconds / torchSeconds,
            torch_mean_loss = torchLoss,
            reference_mean_loss = referenceLoss,
        }));
    }

    private static Sequential Model()
    {
        manual_seed(0);
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10));
    }

    private static (double Seconds, double MeanLoss) TorchEpoch(LabeledImages train, int[] order)
    {
        using var model = Model();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        using var index = tensor(order.Select(i => (long)i).ToArray());
        double lossSum = 0;
        var clock = Stopwatch.StartNew();
        for (long start = 0; start < train.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var idx = index.narrow(0, start, Math.Min(BatchSize, train.Count - start));
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx));
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * idx.shape[0];
        }
        return (clock.Elapsed.TotalSeconds, lossSum / train.Count);
    }

    private static (double Seconds, double MeanLoss) ReferenceRun(LabeledImages train, int[] order)
    {
        DenseNetwork network;
        using (var model = Model())
        {
            var layers = model.children().OfType<Linear>().Select(l => new AffineLayer(
                new Matrix((int)l.weight.shape[0], (int)l.weight.shape[1], l.weight.data<float>().Select(v => (double)v).ToArray()),
                l.bias!.data<float>().Select(v => (double)v).ToArray())).ToList();
            network = new DenseNetwork(layers, [Activation.ReLU, Activation.ReLU, Activation.Identity]);
        }
        var sgd = new Sgd(0.1);
        double lossSum = 0;
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < train.Count; start += BatchSize)
        {
            var batch = order[start..Math.Min(start + BatchSize, train.Count)];
            var x = new Matrix(batch.Length, 784);
            for (var i = 0; i < batch.Length; i++)
            {
                for (var j = 0; j < 784; j++)
                {
                    x[i, j] = train.Pixels[(batch[i] * 784) + j];
                }
            }
            lossSum += network.TrainStep(x, batch.Select(i => train.Labels[i]).ToArray(), sgd) * batch.Length;
        }
        return (clock.Elapsed.TotalSeconds, lossSum / train.Count);
    }
}
