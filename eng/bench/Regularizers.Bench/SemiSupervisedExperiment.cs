using System.Globalization;
using Regularizers.Cli.Data;
using Regularizers.Torch.Modules;
using Regularizers.Torch.SemiSupervised;
using Regularizers.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Bench;

/// <summary>
/// Issue 18's semi-supervised experiment: Fashion-MNIST with 1,000 labelled training images (the first 1,000) and the
/// next 10,000 as unlabelled inputs; a 784-256-10 ReLU network with Gaussian input noise σ = 0.15 and dropout 0.3 after
/// the hidden layer, Adam 1e-3, batches of 32, 40 epochs; supervised only, + pseudo-labelling (τ = 0.9, weight 1 ramped
/// over the first 600 steps), + Π-model consistency (weight 30 ramped over 600 steps); unlabelled batches of 64 per
/// labelled batch. Every
/// configuration of a seed starts from the same weights and labelled batch order; test accuracy on 2,000 test images,
/// paired differences with 95% Student-t intervals.
/// </summary>
internal static class SemiSupervisedExperiment
{
    // t(0.975) for 2 to 9 degrees of freedom.
    private static readonly double[] StudentT = [4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262];

    public static void Run(LabeledImages train, LabeledImages test, int seeds)
    {
        var labelled = train.Take(1_000);
        var unlabelled = train.Select(Enumerable.Range(1_000, 10_000).ToArray());
        var held = test.Take(2_000);
        string[] names = ["supervised only", "+ pseudo-labels τ 0.9", "+ Π-model consistency"];
        var accuracy = names.Select(_ => new double[seeds]).ToArray();
        for (var seed = 0; seed < seeds; seed++)
        {
            for (var c = 0; c < names.Length; c++)
            {
                accuracy[c][seed] = TestAccuracy(labelled, unlabelled, held, seed, c);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,000 labels + 10,000 unlabelled, seeds 0..{seeds - 1}, test accuracy on 2,000 images:"));
        for (var c = 0; c < names.Length; c++)
        {
            var line = $"{names[c],-24} mean {accuracy[c].Average():F4} [{string.Join(", ", accuracy[c].Select(a => a.ToString("F4", CultureInfo.InvariantCulture)))}]";
            if (c > 0)
            {
                var differences = accuracy[c].Zip(accuracy[0], (a, b) => a - b).ToArray();
                var mean = differences.Average();
                var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (seeds - 1));
                var half = StudentT[seeds - 3] * sd / Math.Sqrt(seeds);
                line += string.Create(CultureInfo.InvariantCulture, $"; paired difference {mean:+0.0000;-0.0000} [{mean - half:+0.0000;-0.0000}, {mean + half:+0.0000;-0.0000}]");
            }
            Console.WriteLine(line);
        }
    }

    private static double TestAccuracy(LabeledImages labelled, LabeledImages unlabelled, LabeledImages test, int seed, int configuration)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        using var model = nn.Sequential(
            ("noise", new GaussianNoise(0.15)), ("fc1", nn.Linear(784, 256)), ("act", nn.ReLU()), ("drop", nn.Dropout(0.3)), ("fc2", nn.Linear(256, 10)));
        var x = tensor(labelled.Pixels, new long[] { labelled.Count, 784 });
        var y = tensor(labelled.Labels.Select(l => (long)l).ToArray());
        using var pool = new UnlabelledBatches(tensor(unlabelled.Pixels, new long[] { unlabelled.Count, 784 }), 64, seed: 1_000 + seed);
        TrainingCallback[] callbacks = configuration switch
        {
            1 => [new PseudoLabelling(pool, 0.9, new RampUp(1, 600))],
            2 => [new ConsistencyRegularization(pool, new RampUp(30, 600))],
            _ => [],
        };
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        new Trainer(model, optimizer, new TrainerOptions { Epochs = 40, BatchSize = 32, Seed = seed, Callbacks = callbacks }).Fit(x, y);
        model.eval();
        using var noGrad = no_grad();
        var testX = tensor(test.Pixels, new long[] { test.Count, 784 });
        var testY = tensor(test.Labels.Select(l => (long)l).ToArray());
        return model.call(testX).argmax(1).eq(testY).to_type(ScalarType.Float64).mean().item<double>();
    }
}
