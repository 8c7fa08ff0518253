using Regularizers.Core.Ensembles;
using Regularizers.Torch.Ensembles;
using TorchSharp.Modules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Ensembles;

public sealed class MonteCarloDropoutTests
{
    private static Sequential Model()
    {
        manual_seed(41);
        return nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 3));
    }

    [Fact]
    public void Predict_MorePasses_ConvergesToAStableMean()
    {
        using var model = Model();
        using var x = randn(8, 6);
        manual_seed(1);
        var (m1000, _) = MonteCarloDropout.Predict(model, x, 1000);
        double Distance(int passes)
        {
            var (m, _) = MonteCarloDropout.Predict(model, x, passes);
            return Scalar((m - m1000).abs().max());
        }

        var (d5, d50, d500) = (Distance(5), Distance(50), Distance(500));

        Assert.True(d500 < d50 && d50 < d5, $"distances to the 1000-pass mean: T=5 {d5}, T=50 {d50}, T=500 {d500}");
        Assert.True(d500 < 0.02, $"T=500 is {d500} from T=1000");
    }

    [Fact]
    public void Predict_RestoresTrainingFlags_AndReturnsProbabilities()
    {
        using var model = Model();
        model.eval();
        using var x = randn(4, 6);

        var (mean, spread) = MonteCarloDropout.Predict(model, x, 10);

        Assert.All(model.modules(), m => Assert.False(m.training));
        Assert.Equal(Enumerable.Repeat(1f, 4), Values(mean.sum(1)), new FloatTolerance(1e-5f));
        Assert.True(Values(spread).Max() > 0);
    }

    [Fact]
    public void GeometricMeanOverAllInputMasks_SoftmaxRegression_EqualsWeightScalingExactly()
    {
        // Seed 000: for softmax regression with dropout on the inputs, the renormalised geometric mean of the
        // predictions of all 2^n sub-networks equals the prediction of the full network with weights times (1 − p).
        const int n = 5;
        const double keep = 0.5;
        manual_seed(7);
        using var w = randn(3, n, ScalarType.Float64);
        using var b = randn(3, ScalarType.Float64);
        using var x = randn(2, n, ScalarType.Float64);
        var logSum = zeros(2, 3, ScalarType.Float64);
        for (var mask = 0; mask < 1 << n; mask++)
        {
            using var m = tensor(Enumerable.Range(0, n).Select(i => (mask >> i & 1) == 1 ? 1.0 : 0.0).ToArray());
            using var logits = nn.functional.linear(x * m, w, b);
            logSum = logSum + logits.log_softmax(1);
        }
        using var geometric = (logSum / (1 << n)).softmax(1);
        using var weightScaled = nn.functional.linear(x, w * keep, b).softmax(1);

        Assert.True(geometric.allclose(weightScaled, rtol: 1e-12, atol: 1e-14));
    }

    [Fact]
    public void Predict_ModelWithoutDropout_ThrowsExactMessage()
    {
        using var model = nn.Sequential(nn.Linear(2, 2));
        using var x = randn(1, 2);

        var e = Assert.Throws<ArgumentException>(() => MonteCarloDropout.Predict(model, x));

        Assert.Equal("model has no dropout module, so every pass would be the same. (Parameter 'model')", e.Message);
    }

    [Fact]
    public void Predict_GeometricMean_IsNormalisedAndCloseToArithmetic()
    {
        using var model = Model();
        using var x = randn(4, 6);
        manual_seed(3);
        var (arithmetic, _) = MonteCarloDropout.Predict(model, x, 200);
        manual_seed(3);
        var (geometric, _) = MonteCarloDropout.Predict(model, x, 200, EnsembleCombination.GeometricMean);

        Assert.Equal(Enumerable.Repeat(1f, 4), Values(geometric.sum(1)), new FloatTolerance(1e-5f));
        Assert.True(Scalar((arithmetic - geometric).abs().max()) < 0.1);
    }
}

public sealed class MonteCarloVersusWeightScalingTests
{
    [Fact]
    public void McDropoutTwentyMasks_OnFashionMnist_MatchesWeightScalingAccuracyWithinOnePoint()
    {
        var train = Regularizers.Cli.Data.FashionMnist.LoadTrain().Take(5_000);
        var test = Regularizers.Cli.Data.FashionMnist.LoadTest().Take(2_000);
        using var x = tensor(train.Pixels, new long[] { train.Count, 784 });
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        using var xt = tensor(test.Pixels, new long[] { test.Count, 784 });
        using var yt = tensor(test.Labels.Select(l => (long)l).ToArray());
        manual_seed(80);
        using var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 10));
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        new Regularizers.Torch.Training.Trainer(model, optimizer, new Regularizers.Torch.Training.TrainerOptions { Epochs = 3, BatchSize = 64, Seed = 1 }).Fit(x, y);

        model.eval();
        double weightScaling;
        using (no_grad())
        {
            weightScaling = Scalar(model.call(xt).argmax(1).eq(yt).to_type(ScalarType.Float64).mean());
        }
        var (mean, _) = MonteCarloDropout.Predict(model, xt, 20);
        var monteCarlo = Scalar(mean.argmax(1).eq(yt).to_type(ScalarType.Float64).mean());

        Assert.True(Math.Abs(monteCarlo - weightScaling) < 0.01, $"MC T=20 {monteCarlo:P2} vs weight scaling {weightScaling:P2}");
    }
}
