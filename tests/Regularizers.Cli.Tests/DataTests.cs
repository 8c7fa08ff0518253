using Regularizers.Cli.Data;

namespace Regularizers.Cli.Tests;

public sealed class DataTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_DefaultFashionMnist_SplitsTheRealIdxFiles()
    {
        using var data = ExperimentData.Load(null, 55_000, 5_000);

        Assert.Equal([55_000L, 784L], data.TrainX.shape);
        Assert.Equal([5_000L, 784L], data.ValidationX.shape);
        Assert.Equal([10_000L, 784L], data.TestX.shape);
        Assert.Equal(10, data.Classes);
        Assert.Equal(Enumerable.Range(0, 10), data.TestLabels.Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 10), data.TrainLabels.Distinct().Order());
        Assert.Equal(1000, data.TestLabels.Count(l => l == 3));
        Assert.InRange(data.TrainX.max().item<float>(), 0.99f, 1f);
        Assert.Equal(0f, data.TrainX.min().item<float>());
    }

    [Fact]
    public void Load_TwoCalls_SameTrainingExamples()
    {
        using var first = ExperimentData.Load(null, 100, 10);
        using var second = ExperimentData.Load(null, 100, 10);

        Assert.Equal(first.TrainLabels, second.TrainLabels);
        Assert.True(first.TrainX.allclose(second.TrainX, 0, 0));
    }

    [Fact]
    public void Load_CsvWithHeaderAndBytes_ScalesAndHoldsOutAFifth()
    {
        var path = Path.Combine(_directory, "data.csv");
        File.WriteAllLines(path, new[] { "label,a,b" }.Concat(Enumerable.Range(0, 10).Select(i => $"{i % 3},{i * 25},255")));

        using var data = ExperimentData.Load(path, 7, 1);

        Assert.Equal(2, data.Features);
        Assert.Equal(3, data.Classes);
        Assert.Equal([2L, 2L], data.TestX.shape);
        Assert.Equal(1f, data.TrainX[0, 1].item<float>());
    }

    [Fact]
    public void Load_RaggedCsv_NamesTheLine()
    {
        var path = Path.Combine(_directory, "ragged.csv");
        File.WriteAllLines(path, ["0,1,2", "1,3"]);

        var e = Assert.Throws<DataUnavailableException>(() => ExperimentData.Load(path, 1, 1));

        Assert.Equal($"{path}, line 2: expected a label and 2 features, found 2 fields.", e.Message);
    }
}
