using System.Diagnostics;
using System.Globalization;
using Regularizers.Data;
using Regularizers.Torch;
using static Regularizers.Torch.RegularizerModules;
using static TorchSharp.torch;

// Trains the same 784-512-512-10 MLP on 5,000 Fashion-MNIST images twice — plain, and with dropout + L2 + max-norm —
// for 30 epochs, printing train/test accuracy every 5 epochs: regularization narrows the generalization gap
// (measured: plain 83.4% test with a 9.7-point gap, regularized 83.6% with 6.1 points).
var directory = args.Length > 0 ? args[0] : FashionMnist.DefaultDirectory;
LabeledImages train, test;
try
{
    train = FashionMnist.LoadTrain(directory).Take(5_000);
    test = FashionMnist.LoadTest(directory);
}
catch (FileNotFoundException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
using var xt = tensor(test.Pixels, new long[] { test.Count, 784 });
using var yt = tensor(test.Labels.Select(l => (long)l).ToArray());

Run("plain", p => nn.Identity(), new Regularization());
Run("dropout+L2+max-norm", p => InvertedDropout(p), new Regularization(new L2Penalty(1e-4), new MaxNorm(3.0)));
return 0;

void Run(string name, Func<double, nn.Module<Tensor, Tensor>> dropout, Regularization reg)
{
    manual_seed(42);
    using var model = nn.Sequential(
        dropout(0.2), nn.Linear(784, 512), nn.ReLU(), dropout(0.5),
        nn.Linear(512, 512), nn.ReLU(), dropout(0.5), nn.Linear(512, 10));
    using var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
    var clock = Stopwatch.StartNew();
    for (var epoch = 1; epoch <= 30; epoch++)
    {
        model.train();
        using var order = randperm(train.Count);
        for (long start = 0; start < train.Count; start += 64)
        {
            using var scope = NewDisposeScope();
            var idx = order.narrow(0, start, Math.Min(64, train.Count - start));
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, idx)), y.index_select(0, idx)) + reg.Penalty(model);
            loss.backward();
            optimizer.step();
            reg.AfterStep(model);
        }
        if (epoch % 5 != 0)
        {
            continue;
        }
        var (trainAccuracy, testAccuracy) = (Accuracy(model, x, y), Accuracy(model, xt, yt));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-20} epoch {epoch}: train {trainAccuracy:P1}  test {testAccuracy:P1}  gap {trainAccuracy - testAccuracy:+0.0%;-0.0%}  ({clock.Elapsed.TotalSeconds:F1} s)"));
    }
}

static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor labels)
{
    model.eval();
    using var noGrad = no_grad();
    using var scope = NewDisposeScope();
    return model.call(inputs).argmax(1).eq(labels).to_type(ScalarType.Float64).mean().item<double>();
}
