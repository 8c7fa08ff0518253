using Regularizers.Core.Ensembles;
using Regularizers.Torch.Ensembles;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Ensembles;

/// <summary>
/// Ensembles saved by Regularizers.Torch 0.2.0 (magics <c>Regularizers.Torch.Ensembles.BaggingEnsemble/1</c> and
/// <c>…BaggingRegressor/1</c>): two 4-3-2 (4-3-1) members trained for one epoch; the expected outputs are what the
/// ensembles gave on the probe rows right after training.
/// </summary>
public sealed class SavedEnsembleFixtureTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Ensembles", "Fixtures");

    private static Tensor Probe() => tensor(new[] { 0.5f, -1f, 2f, 0.25f, -0.75f, 0.1f, 0.3f, -2f, 1f, 1f, 1f, 1f }, new long[] { 3, 4 });

    private static nn.Module<Tensor, Tensor> Classifier(int features) => nn.Sequential(nn.Linear(features, 3), nn.ReLU(), nn.Linear(3, 2));

    private static nn.Module<Tensor, Tensor> Regressor(int features) => nn.Sequential(nn.Linear(features, 3), nn.Tanh(), nn.Linear(3, 1));

    [Fact]
    public void Load_EnsembleFromVersion020_SameProbabilitiesCombinationAndSamples()
    {
        using var ensemble = BaggingEnsemble.Load(Path.Combine(Fixtures, "bagging-ensemble-v0.bin"), Classifier);
        using var probe = Probe();

        Assert.Equal(EnsembleCombination.GeometricMean, ensemble.Combination);
        Assert.Equal(2, ensemble.ClassCount);
        Assert.Equal([3, 8, 10, 2, 6, 2, 3, 11, 4, 4, 6, 9], ensemble.Members[0].Sample.InBag);
        Assert.Equal([9, 11, 6, 4, 0, 0, 8, 5, 5, 8, 2, 7], ensemble.Members[1].Sample.InBag);
        using var p = ensemble.PredictProbabilities(probe);
        Assert.Equal([0.3823073f, 0.6176927f, 0.38573018f, 0.6142698f, 0.37019303f, 0.62980694f], Values(p), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Load_RegressorFromVersion020_SamePredictions()
    {
        using var regressor = BaggingRegressor.Load(Path.Combine(Fixtures, "bagging-regressor-v0.bin"), Regressor);
        using var probe = Probe();

        Assert.Equal(2, regressor.Members.Count);
        Assert.Equal([0.15515463799238205, -1.0556316673755646, 0.062152110040187836], regressor.Predict(probe), new DoubleTolerance(1e-6));
    }
}
