using Regularizers.Cli.Data;
using Regularizers.Core.Ensembles;
using Regularizers.Torch.Ensembles;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Ensembles;

public sealed class BaggingTests
{
    private static nn.Module<Tensor, Tensor> SmallMlp(int features) => nn.Sequential(nn.Linear(features, 32), nn.ReLU(), nn.Linear(32, 10));

    private static (Tensor X, Tensor Y, int[] Labels) Tensors(LabeledImages images) =>
        (tensor(images.Pixels, new long[] { images.Count, images.FeatureCount }), tensor(images.Labels.Select(l => (long)l).ToArray()), images.Labels);

    [Fact]
    public void Train_ParallelAndSequential_GiveIdenticalMembers() => AssertParallelEqualsSequential(new TrainerOptions { Epochs = 3, BatchSize = 16 });

    [Fact]
    public void Train_ParallelWithOneSharedInPlaceElasticNet_GivesTheSequentialMembers() =>
        AssertParallelEqualsSequential(new TrainerOptions
        {
            Epochs = 3,
            BatchSize = 16,
            Regularization = new Regularization(PenaltyGradients.InPlace) { new ElasticNetPenalty(1e-2, 1e-2) },
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_FactoryReturnsOneOptimizerForEveryMember_ThrowsNamingTheFactory(bool parallel)
    {
        using var x = randn(40, 6);
        using var y = randint(0, 3, new long[] { 40 });
        using var outside = nn.Linear(6, 3);
        using var shared = optim.SGD(outside.parameters(), 0.1);

        var e = Assert.Throws<ArgumentException>(() => BaggingEnsemble.Train(
            f => nn.Linear(f, 3), _ => shared, new TrainerOptions { Epochs = 1 }, new BaggingOptions { Members = 2, Parallel = parallel }, x, y));

        // In parallel, whichever member gets there first reports.
        Assert.Matches(
            @"^createOptimizer must return a new optimizer over the model it is given \(member [01]\), but 2 of its 2 parameters are not the model's \(was it built for another model\?\)\. Write it as m => optim\.Adam\(m\.parameters\(\)\)\. \(Parameter 'createOptimizer'\)$",
            e.Message);
    }

    private static void AssertParallelEqualsSequential(TrainerOptions trainer)
    {
        manual_seed(50);
        using var x = randn(120, 6);
        using var y = randint(0, 3, new long[] { 120 });
        BaggingEnsemble Run(bool parallel) => BaggingEnsemble.Train(
            f => nn.Sequential(nn.Linear(f, 8), nn.ReLU(), nn.Linear(8, 3)), m => optim.SGD(m.parameters(), 0.1), trainer,
            new BaggingOptions { Members = 4, Seed = 7, Parallel = parallel, MaxFeatures = Regularizers.Core.Sampling.MaxFeatures.Fraction(0.5) }, x, y);

        using var parallel = Run(true);
        using var sequential = Run(false);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(sequential.Members[i].Sample.Features, parallel.Members[i].Sample.Features);
            foreach (var (a, b) in parallel.Members[i].Model.parameters().Zip(sequential.Members[i].Model.parameters()))
            {
                Assert.Equal(Values(b), Values(a));
            }
        }
    }

    [Fact]
    public void Ensemble_FiveMlpsOnFashionMnist_BeatsTheMeanMember()
    {
        var train = FashionMnist.LoadTrain().Take(2_000);
        var test = FashionMnist.LoadTest().Take(2_000);
        var (x, y, labels) = Tensors(train);
        var (xt, _, testLabels) = Tensors(test);
        using var ensemble = BaggingEnsemble.Train(SmallMlp, m => optim.SGD(m.parameters(), 0.1, momentum: 0.9),
            new TrainerOptions { Epochs = 5, BatchSize = 32 }, new BaggingOptions { Members = 5, Seed = 1 }, x, y);

        var bySize = ensemble.AccuracyBySize(xt, testLabels);
        var memberAccuracies = ensemble.Members.Select(m =>
        {
            using var p = m.PredictProbabilities(xt);
            return EnsembleCombiner.AccuracyBySize([p.contiguous().data<float>().ToArray()], 10, testLabels, EnsembleCombination.ArithmeticMean)[0];
        }).ToList();

        Assert.True(bySize[^1] > memberAccuracies.Average(), $"ensemble {bySize[^1]:P2} vs mean member {memberAccuracies.Average():P2}");
        Assert.Equal(memberAccuracies[0], bySize[0], 10);
        var oob = ensemble.OutOfBagScore(x, labels);
        Assert.InRange(oob, 0.6, 1.0);
    }

    [Fact]
    public void OutOfBag_WithReplacement_EachMemberLeavesOutAboutAThird()
    {
        manual_seed(51);
        using var x = randn(2_000, 3);
        using var y = randint(0, 2, new long[] { 2_000 });
        using var ensemble = BaggingEnsemble.Train(f => nn.Linear(f, 2), m => optim.SGD(m.parameters(), 0.1),
            new TrainerOptions { Epochs = 1, BatchSize = 500 }, new BaggingOptions { Members = 3, Seed = 2 }, x, y);

        // (1 − 1/n)^n → 1/e ≈ 0.368; with n = 2,000 the fraction's standard deviation is about 0.011.
        Assert.All(ensemble.Members, m => Assert.InRange(m.Sample.OutOfBag.Length / 2_000.0, 0.368 - 0.04, 0.368 + 0.04));
    }

    [Fact]
    public void Train_ZeroMembers_ThrowsExactMessage()
    {
        using var x = randn(4, 2);
        using var y = randint(0, 2, new long[] { 4 });

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BaggingEnsemble.Train(f => nn.Linear(f, 2), m => optim.SGD(m.parameters(), 0.1),
            new TrainerOptions(), new BaggingOptions { Members = 0 }, x, y));

        Assert.StartsWith("Members must be an integer greater than or equal to 1. Received: Members=0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ZeroSampleFraction_ThrowsExactMessage()
    {
        using var x = randn(4, 2);
        using var y = randint(0, 2, new long[] { 4 });

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BaggingEnsemble.Train(f => nn.Linear(f, 2), m => optim.SGD(m.parameters(), 0.1),
            new TrainerOptions(), new BaggingOptions { SampleFraction = 0 }, x, y));

        Assert.StartsWith("sampleFraction must be", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromModels_OneNetwork_ItsSoftmaxAndNoOutOfBagRows()
    {
        manual_seed(70);
        var network = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2));
        using var x = randn(6, 4);
        using var ensemble = BaggingEnsemble.FromModels([network], 4, 2, EnsembleCombination.ArithmeticMean);

        using var expected = network.call(x).softmax(1);
        using var p = ensemble.PredictProbabilities(x);

        Assert.Equal(Values(expected), Values(p));
        Assert.Equal([0, 1, 2, 3], ensemble.Members.Single().Sample.Features);
        Assert.True(double.IsNaN(ensemble.OutOfBagScore(x, [0, 1, 0, 1, 0, 1])));
    }

    [Fact]
    public void FromModels_NoModels_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BaggingEnsemble.FromModels([], 4, 2, EnsembleCombination.HardVote));

        Assert.StartsWith("models must be a list of at least one model. Received: models=0.", e.Message, StringComparison.Ordinal);
    }
}

public sealed class BaggingPersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bagging-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static nn.Module<Tensor, Tensor> Net(int features) => nn.Sequential(nn.Linear(features, 8), nn.ReLU(), nn.Linear(8, 3));

    private static BaggingEnsemble Train(Tensor x, Tensor y, BaggingOptions options) =>
        BaggingEnsemble.Train(Net, m => optim.SGD(m.parameters(), 0.1), new TrainerOptions { Epochs = 2, BatchSize = 16 }, options, x, y);

    [Fact]
    public void SaveThenLoad_SameProbabilitiesAndCombinationAndSamples()
    {
        manual_seed(60);
        using var x = randn(80, 5);
        using var y = randint(0, 3, new long[] { 80 });
        using var ensemble = Train(x, y, new BaggingOptions { Members = 3, Seed = 4, Combination = EnsembleCombination.GeometricMean, MaxFeatures = Regularizers.Core.Sampling.MaxFeatures.Count(4) });
        var path = Path.Combine(_directory, "ensemble.bin");

        ensemble.Save(path);
        using var loaded = BaggingEnsemble.Load(path, Net);

        Assert.Equal(EnsembleCombination.GeometricMean, loaded.Combination);
        Assert.Equal(ensemble.Members.Select(m => m.Sample.Features), loaded.Members.Select(m => m.Sample.Features));
        Assert.Equal(Values(ensemble.PredictProbabilities(x)), Values(loaded.PredictProbabilities(x)));
        Assert.Equal(["ensemble.bin"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Load_ForeignFile_ThrowsInvalidDataException()
    {
        var path = Path.Combine(_directory, "foreign.bin");
        File.WriteAllText(path, "hello");

        var e = Assert.Throws<InvalidDataException>(() => BaggingEnsemble.Load(path, Net));

        Assert.Equal($"{path} is not a model file of Regularizers.Torch (it does not start with \"Regularizers.Torch.Model\").", e.Message);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsInvalidDataException()
    {
        manual_seed(61);
        using var x = randn(40, 5);
        using var y = randint(0, 3, new long[] { 40 });
        using var ensemble = Train(x, y, new BaggingOptions { Members = 2, Seed = 1 });
        var path = Path.Combine(_directory, "cut.bin");
        ensemble.Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => BaggingEnsemble.Load(path, Net));

        Assert.StartsWith($"{path} is truncated or corrupt: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfBagEarlyStopping_MembersValidateOnTheirOwnOutOfBagRows()
    {
        manual_seed(62);
        using var x = randn(200, 5);
        using var y = randint(0, 3, new long[] { 200 });

        using var ensemble = BaggingEnsemble.Train(Net, m => optim.SGD(m.parameters(), 0.5),
            new TrainerOptions { Epochs = 40, BatchSize = 20 },
            new BaggingOptions { Members = 3, Seed = 9, OutOfBagEarlyStopping = () => new EarlyStopping(new Regularizers.Core.Stopping.Patience(2)) }, x, y);

        Assert.All(ensemble.Members, m => Assert.NotNull(m.History.Epochs[0].ValidationLoss));
        Assert.Contains(ensemble.Members, m => m.History.Epochs.Count < 40);
        Assert.All(ensemble.Members, m => Assert.Equal(m.History.Epochs.Count < 40, m.History.StopReason is not null));
    }

    [Fact]
    public void Diagnostics_OnHeldOutRows_PredictedMseEqualsMeasured()
    {
        manual_seed(63);
        using var x = randn(120, 5);
        using var y = randint(0, 3, new long[] { 120 });
        using var ensemble = Train(x, y, new BaggingOptions { Members = 4, Seed = 2 });
        var labels = Values(y.to_type(ScalarType.Float32)).Select(v => (int)v).ToArray();

        var d = ensemble.Diagnostics(x, labels);

        Assert.Equal(4, d.MemberCount);
        Assert.Equal(d.MeasuredMse, d.PredictedMse, 9);
        Assert.Equal(d.Variance / 4 + 3 * d.Covariance / 4, d.PredictedMse, 12);
    }
}

public sealed class BaggingRegressorTests
{
    [Fact]
    public void Regressor_NoisyLinearTarget_MeanBeatsAverageMemberAndDecompositionHolds()
    {
        manual_seed(70);
        using var x = randn(300, 4);
        using var w = tensor(new[] { 1.5f, -2f, 0.5f, 0f });
        using var y = x.matmul(w) + randn(300) * 0.3;
        using var xt = randn(200, 4);
        using var yt = xt.matmul(w);
        var targets = Values(yt).Select(v => (double)v).ToArray();

        using var ensemble = BaggingRegressor.Train(f => nn.Sequential(nn.Linear(f, 16), nn.Tanh(), nn.Linear(16, 1)), m => optim.SGD(m.parameters(), 0.05),
            new TrainerOptions { Epochs = 10, BatchSize = 16 }, new BaggingOptions { Members = 5, Seed = 3 }, x, y);
        var d = ensemble.Diagnostics(xt, targets);

        Assert.True(d.MeasuredMse <= d.Variance, $"mean's MSE {d.MeasuredMse} vs average member's {d.Variance}");
        Assert.Equal(d.MeasuredMse, d.PredictedMse, 9);
        var predicted = ensemble.Predict(xt);
        Assert.Equal(d.MeasuredMse, predicted.Zip(targets).Average(p => (p.First - p.Second) * (p.First - p.Second)), 9);
        Assert.InRange(ensemble.OutOfBagMse(x, Values(y).Select(v => (double)v).ToArray()), 0.0, 1.0);
    }
}

public sealed class BaggingRegressorPersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("regressor-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static nn.Module<Tensor, Tensor> Net(int features) => nn.Sequential(nn.Linear(features, 8), nn.Tanh(), nn.Linear(8, 1));

    [Fact]
    public void SaveThenLoad_SamePredictions_AndAClassifierFileIsRejected()
    {
        manual_seed(90);
        using var x = randn(60, 3);
        using var y = x.sum(1);
        using var regressor = BaggingRegressor.Train(Net, m => optim.SGD(m.parameters(), 0.05), new TrainerOptions { Epochs = 2, BatchSize = 10 }, new BaggingOptions { Members = 3, Seed = 5 }, x, y);
        var path = Path.Combine(_directory, "regressor.bin");

        regressor.Save(path);
        using var loaded = BaggingRegressor.Load(path, Net);

        Assert.Equal(regressor.Predict(x), loaded.Predict(x));
        var targets = Values(y).Select(v => (double)v).ToArray();
        Assert.Equal(regressor.MemberMse(x, targets), loaded.MemberMse(x, targets));
        var e = Assert.Throws<InvalidDataException>(() => BaggingEnsemble.Load(path, Net));
        Assert.Equal($"{path} is a saved BaggingRegressor, not a BaggingEnsemble.", e.Message);
    }

    [Fact]
    public void MemberAccuracies_FirstMember_EqualsAccuracyOfEnsembleOfSizeOne()
    {
        manual_seed(91);
        using var x = randn(90, 4);
        using var y = randint(0, 3, new long[] { 90 });
        using var ensemble = BaggingEnsemble.Train(f => nn.Linear(f, 3), m => optim.SGD(m.parameters(), 0.1), new TrainerOptions { Epochs = 2, BatchSize = 15 }, new BaggingOptions { Members = 3 }, x, y);
        var labels = Values(y.to_type(ScalarType.Float32)).Select(v => (int)v).ToArray();

        var members = ensemble.MemberAccuracies(x, labels);

        Assert.Equal(3, members.Length);
        Assert.Equal(ensemble.AccuracyBySize(x, labels)[0], members[0]);
    }
}

public sealed class BaggingDeterminismTests
{
    [Fact]
    public void Train_MembersWithDropout_ParallelFlagStillGivesSequentialResults()
    {
        manual_seed(95);
        using var x = randn(100, 5);
        using var y = randint(0, 3, new long[] { 100 });
        BaggingEnsemble Run(bool parallel) => BaggingEnsemble.Train(
            f => nn.Sequential(nn.Linear(f, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 3)), m => optim.SGD(m.parameters(), 0.1),
            new TrainerOptions { Epochs = 2, BatchSize = 10 }, new BaggingOptions { Members = 3, Seed = 11, Parallel = parallel }, x, y);

        using var parallel = Run(true);
        using var sequential = Run(false);

        for (var i = 0; i < 3; i++)
        {
            foreach (var (a, b) in parallel.Members[i].Model.parameters().Zip(sequential.Members[i].Model.parameters()))
            {
                Assert.Equal(Values(b), Values(a));
            }
        }
    }
}
