using Regularizers.Cli.Experiments;
using static TorchSharp.torch;

namespace Regularizers.Cli.Tests;

/// <summary>
/// A model file written by 'regularizers train' 0.2.0 (magic <c>Regularizers.Cli.Model/1</c>): the default preset's
/// "bagging" configuration with two 4-3-2 tanh members, untrained; the expected scores are what it gave on the probe rows
/// before it was saved.
/// </summary>
public class SavedModelFixtureTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "cli-model-v0.bin");

    [Fact]
    public void Load_ModelFromVersion020_SameHeaderAndScores()
    {
        var (header, model) = TrainedModelFile.Load(Fixture);
        using var _ = model;
        using var probe = tensor(new[] { 0.5f, -1f, 2f, 0.25f, -0.75f, 0.1f, 0.3f, -2f, 1f, 1f, 1f, 1f }, new long[] { 3, 4 });

        var score = model.Score(probe, [0, 1, 1]);

        Assert.Equal(("default", "bagging", 11, 4, 2), (header.Preset, header.Configuration, header.Seed, header.Network.Inputs, header.Network.Outputs));
        Assert.Equal(0.7165113375188126, score.Loss, 6);
        Assert.Equal(1 / 3.0, score.Accuracy, 12);
        Assert.Equal([1, 0, 1], score.Predictions);
        Assert.Equal([2 / 3.0, 1 / 3.0], score.AccuracyBySize, new Tolerance(1e-12));
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
