using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML.Tests;

public class ExampleWeightTests
{
    private static readonly MLContext Context = new(seed: 4);

    private sealed class Row
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; } = 1;
    }

    private sealed class Scored
    {
        public float Probability { get; set; }
    }

    /// <summary>Two overlapping Gaussian classes on a line, so the boundary moves with the classes' weights.</summary>
    private static List<Row> Overlapping(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(i =>
        {
            var positive = i % 2 == 0;
            var centre = positive ? 0.5 : -0.5;
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return new Row { Features = [(float)(centre + normal), (float)random.NextDouble()], Label = positive };
        }).ToList();
    }

    private static RegularizedNeuralNetworkOptions Options(string? weights = null, int epochs = 10) => new()
    {
        HiddenLayers = [8], Epochs = epochs, BatchSize = 32, LearningRate = 0.02, Seed = 6, ExampleWeightColumnName = weights,
    };

    private static List<float> Probabilities(ITransformer model, IEnumerable<Row> rows) =>
        Context.Data.CreateEnumerable<Scored>(model.Transform(Context.Data.LoadFromEnumerable(rows)), reuseRowObject: false).Select(s => s.Probability).ToList();

    [Fact]
    public void Fit_WeightTwoOnPositives_MovesTheModelAsDuplicatingThemDoes()
    {
        var rows = Overlapping(400, seed: 1);
        var probe = Overlapping(400, seed: 2);
        var weighted = rows.Select(r => new Row { Features = r.Features, Label = r.Label, Weight = r.Label ? 2 : 1 }).ToList();
        var duplicated = rows.Concat(rows.Where(r => r.Label)).ToList();

        using var plain = Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options()).Fit(Context.Data.LoadFromEnumerable(rows));
        using var byWeight = Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options("Weight")).Fit(Context.Data.LoadFromEnumerable(weighted));
        using var byCopy = Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options()).Fit(Context.Data.LoadFromEnumerable(duplicated));

        var (p, w, d) = (Probabilities(plain, probe).Average(), Probabilities(byWeight, probe).Average(), Probabilities(byCopy, probe).Average());
        // Doubling the positives' weight moves the prior odds from 1:1 to 2:1, so the mean probability rises by about 1/6;
        // measured: 0.515 unweighted, 0.643 weighted, 0.641 duplicated.
        Assert.InRange(d - p, 0.08, 0.25);
        Assert.InRange(w - p, 0.08, 0.25);
        Assert.InRange(Math.Abs(w - d), 0, 0.1 * (d - p));
    }

    [Fact]
    public void Fit_AllWeightsOne_SameHistoryAsNoWeights()
    {
        var data = Context.Data.LoadFromEnumerable(Overlapping(200, seed: 3));

        using var plain = Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options(epochs: 3)).Fit(data);
        using var weighted = Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options("Weight", epochs: 3)).Fit(data);

        Assert.Equal(plain.History!.Epochs.Select(e => e.TrainLoss), weighted.History!.Epochs.Select(e => e.TrainLoss), (a, b) => Math.Abs(a - b) <= 1e-6);
        Assert.Equal(plain.History.Epochs.Select(e => e.TrainAccuracy), weighted.History.Epochs.Select(e => e.TrainAccuracy));
    }

    [Fact]
    public void FitWithValidation_Weights_ValidationMetricsAreWeightedMeans()
    {
        var train = Context.Data.LoadFromEnumerable(Overlapping(200, seed: 4));
        var validationRows = Overlapping(100, seed: 5).Select((r, i) => new Row { Features = r.Features, Label = r.Label, Weight = i % 4 }).ToList();
        var options = Options("Weight", epochs: 2);
        options.RestoreBestWeights = false;

        using var model = Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(options).Fit(train, Context.Data.LoadFromEnumerable(validationRows));

        var pairs = validationRows.Zip(Probabilities(model, validationRows).Select(p => (double)p)).ToList();
        var totalWeight = validationRows.Sum(r => (double)r.Weight);
        var loss = pairs.Sum(p => -p.First.Weight * Math.Log(p.First.Label ? p.Second : 1 - p.Second)) / totalWeight;
        var accuracy = pairs.Sum(p => (p.Second > 0.5) == p.First.Label ? p.First.Weight : 0) / totalWeight;
        var last = model.History!.Epochs[^1];
        Assert.Equal(loss, last.ValidationLoss!.Value, 1e-4);
        Assert.Equal(accuracy, last.ValidationAccuracy!.Value, 1e-6);
        Assert.NotEqual(pairs.Average(p => -Math.Log(p.First.Label ? p.Second : 1 - p.Second)), last.ValidationLoss.Value, 1e-4);
    }

    [Theory]
    [InlineData(-1f, "-1")]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    public void Fit_BadWeight_ThrowsNamingColumnRowAndValue(float weight, string shown)
    {
        var rows = Overlapping(10, seed: 7);
        rows[6].Weight = weight;

        var e = Assert.Throws<InvalidOperationException>(() =>
            Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options("Weight")).Fit(Context.Data.LoadFromEnumerable(rows)));

        Assert.Equal($"Example weight column 'Weight' has {shown} in row 6; weights must be finite and greater than or equal to 0.", e.Message);
    }

    [Fact]
    public void Fit_AllWeightsZero_ThrowsSayingSo()
    {
        var rows = Overlapping(10, seed: 7);
        rows.ForEach(r => r.Weight = 0);

        var e = Assert.Throws<InvalidOperationException>(() =>
            Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options("Weight")).Fit(Context.Data.LoadFromEnumerable(rows)));

        Assert.Equal("Example weight column 'Weight' has no positive weight; at least one row must weigh more than 0.", e.Message);
    }

    [Fact]
    public void Fit_MissingWeightColumn_NamesItAndTheColumns()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(Options("Importance")).Fit(Context.Data.LoadFromEnumerable(Overlapping(10, seed: 7))));

        Assert.StartsWith("Example weight column 'Importance' not found. Columns: Features, Label, Weight.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WeightsWithBagging_ThrowsNamingBoth()
    {
        var options = Options("Weight");
        options.BaggingMembers = 3;

        var e = Assert.Throws<ArgumentException>(() => Context.BinaryClassification.Trainers.RegularizedNeuralNetwork(options));

        Assert.StartsWith("ExampleWeightColumnName cannot be combined with BaggingMembers: bootstrap samples are drawn without weights.", e.Message, StringComparison.Ordinal);
    }
}
