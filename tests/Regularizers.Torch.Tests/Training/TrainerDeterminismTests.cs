using Regularizers.Torch.Constraints;
using Regularizers.Torch.Ensembles;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Penalties;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Modules.RegularizerModules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Training;

/// <summary>
/// The determinism matrix's in-process half: for each regularizer, two <c>Trainer</c> runs with the same seed end with
/// bit-identical parameters, as do bagging ensembles trained sequentially and in parallel and MC-dropout predictions
/// under the same global seed (at this process's libtorch thread count; the CLI tests repeat it across processes).
/// </summary>
public sealed class TrainerDeterminismTests
{
    public static TheoryData<string> Regularizers =>
    [
        "none", "l1", "l2", "elastic_net", "l1_in_place", "l2_in_place", "max_norm", "label_smoothing",
        "inverted_dropout", "classic_dropout", "gaussian_dropout", "gaussian_noise", "dropconnect", "weight_noise",
    ];

    private static nn.Module<Tensor, Tensor> Network(string regularizer) => regularizer switch
    {
        "inverted_dropout" => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), InvertedDropout(0.3), nn.Linear(16, 3)),
        "classic_dropout" => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), ClassicDropout(0.3), nn.Linear(16, 3)),
        "gaussian_dropout" => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), GaussianDropout(0.3), nn.Linear(16, 3)),
        "gaussian_noise" => nn.Sequential(GaussianNoise(0.2), nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3)),
        "dropconnect" => nn.Sequential(DropConnectLinear(8, 16, 0.3), nn.ReLU(), nn.Linear(16, 3)),
        "weight_noise" => nn.Sequential(WeightNoise(nn.Linear(8, 16), 0.05), nn.ReLU(), nn.Linear(16, 3)),
        _ => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3)),
    };

    private static Regularization? RegularizationFor(string regularizer) => regularizer switch
    {
        "l1" => new Regularization { new L1Penalty(1e-3) },
        "l2" => new Regularization { new L2Penalty(1e-2) },
        "elastic_net" => new Regularization { new ElasticNetPenalty(1e-3, 1e-2) },
        "l1_in_place" => new Regularization(PenaltyGradients.InPlace) { new L1Penalty(1e-3) },
        "l2_in_place" => new Regularization(PenaltyGradients.InPlace) { new L2Penalty(1e-2) },
        "max_norm" => new Regularization { new MaxNorm(0.5) },
        _ => null,
    };

    private static float[][] Train(string regularizer, Tensor x, Tensor y, int seed = 5)
    {
        manual_seed(11);
        using var model = Network(regularizer);
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        using var smoothing = regularizer == "label_smoothing" ? new LabelSmoothingCrossEntropy(0.1) : null;
        var options = new TrainerOptions
        {
            Epochs = 3,
            BatchSize = 16,
            Seed = seed,
            Regularization = RegularizationFor(regularizer),
            Loss = smoothing is null ? (o, t) => nn.functional.cross_entropy(o, t) : smoothing.call,
        };
        new Trainer(model, optimizer, options).Fit(x, y);
        return model.parameters().Select(Values).ToArray();
    }

    [Theory]
    [MemberData(nameof(Regularizers))]
    public void Fit_SameSeedTwice_BitIdenticalParameters(string regularizer)
    {
        manual_seed(3);
        using var x = randn(80, 8);
        using var y = randint(0, 3, new long[] { 80 });

        var first = Train(regularizer, x, y);
        var second = Train(regularizer, x, y);

        Assert.Equal(first.Length, second.Length);
        for (var i = 0; i < first.Length; i++)
        {
            // Exact equality of the bits, not closeness: NaN-safe and sign-of-zero-safe.
            Assert.Equal(first[i].Select(BitConverter.SingleToInt32Bits), second[i].Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BaggingEnsemble_SameSeedTwice_BitIdenticalProbabilities(bool parallel)
    {
        manual_seed(3);
        using var x = randn(80, 8);
        using var y = randint(0, 3, new long[] { 80 });

        float[] Probabilities()
        {
            manual_seed(11);
            using var ensemble = BaggingEnsemble.Train(
                _ => Network("inverted_dropout"), m => optim.SGD(m.parameters(), 0.1), new TrainerOptions { Epochs = 2, BatchSize = 16, Seed = 5 },
                new BaggingOptions { Members = 3, Seed = 7, Parallel = parallel }, x, y);
            using var probabilities = ensemble.PredictProbabilities(x);
            return Values(probabilities);
        }

        Assert.Equal(Probabilities().Select(BitConverter.SingleToInt32Bits), Probabilities().Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void MonteCarloDropout_SameGlobalSeedTwice_BitIdenticalMeanAndSpread()
    {
        manual_seed(3);
        using var x = randn(20, 8);
        using var model = Network("inverted_dropout");

        (float[], float[]) Predict()
        {
            manual_seed(42);
            var (mean, spread) = MonteCarloDropout.Predict(model, x, 25);
            using (mean)
            using (spread)
            {
                return (Values(mean), Values(spread));
            }
        }

        var (firstMean, firstSpread) = Predict();
        var (secondMean, secondSpread) = Predict();
        Assert.Equal(firstMean.Select(BitConverter.SingleToInt32Bits), secondMean.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(firstSpread.Select(BitConverter.SingleToInt32Bits), secondSpread.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Fit_OtherSeed_DifferentParameters()
    {
        manual_seed(3);
        using var x = randn(80, 8);
        using var y = randint(0, 3, new long[] { 80 });

        // Same initial weights; the Trainer's seed alone changes the batch order and the dropout masks.
        Assert.NotEqual(Train("inverted_dropout", x, y, seed: 5)[0], Train("inverted_dropout", x, y, seed: 6)[0]);
    }
}
