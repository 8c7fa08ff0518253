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
    public void Load_CsvWithHeaderAndBytesScaledBy255_ScalesAndHoldsOutAFifth()
    {
        var path = Path.Combine(_directory, "data.csv");
        File.WriteAllLines(path, new[] { "label,a,b" }.Concat(Enumerable.Range(0, 10).Select(i => $"{i % 3},{i * 25},255")));

        using var data = ExperimentData.Load(path, 7, 1, featureScale: 255);

        Assert.Equal(2, data.Features);
        Assert.Equal(3, data.Classes);
        Assert.Equal([2L, 2L], data.TestX.shape);
        Assert.Equal(1f, data.TrainX[0, 1].item<float>());
        Assert.EndsWith("(2 of 10 rows held out as the test set, features ÷ 255)", data.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CsvOfBytesWithoutAScale_RefusesAndNamesBothChoices()
    {
        var path = Path.Combine(_directory, "bytes.csv");
        File.WriteAllLines(path, Enumerable.Range(0, 10).Select(i => $"{i % 3},{i * 25},255"));

        var e = Assert.Throws<DataUnavailableException>(() => ExperimentData.Load(path, 7, 1));

        Assert.Equal($"{path}: the features are whole numbers from 0 to 255, like pixel bytes. Pass --feature-scale 255 to divide them by 255, or --feature-scale 1 to use them as they are.", e.Message);
    }

    [Fact]
    public void Load_CsvOfMeasurementsAboveOne_UsesThemAsTheyAre()
    {
        var path = Path.Combine(_directory, "measurements.csv");
        File.WriteAllLines(path, Enumerable.Range(0, 10).Select(i => FormattableString.Invariant($"{i % 2},{i * 1.5},{300 + i}")));

        using var data = ExperimentData.Load(path, 7, 1);

        // Not whole numbers, so not pixel bytes: nothing is divided.
        Assert.InRange(data.TrainX.narrow(1, 1, 1).min().item<float>(), 300f, 309f);
        Assert.InRange(data.TrainX.narrow(1, 0, 1).max().item<float>(), 1.5f, 13.5f);
    }

    [Fact]
    public void Load_OneRowCsv_SaysHowManyExamplesAreNeeded()
    {
        var path = Path.Combine(_directory, "one.csv");
        File.WriteAllLines(path, ["0,0.5,0.2"]);

        var e = Assert.Throws<DataUnavailableException>(() => ExperimentData.Load(path, 1, 1));

        Assert.Equal($"{path} (1 of 1 rows held out as the test set) leaves 0 training example(s); at least 2 are needed, one to train on and one to validate on.", e.Message);
    }

    [Fact]
    public void Load_RaggedCsv_NamesTheLine()
    {
        var path = Path.Combine(_directory, "ragged.csv");
        File.WriteAllLines(path, ["0,1,2", "1,3"]);

        var e = Assert.Throws<DataUnavailableException>(() => ExperimentData.Load(path, 1, 1));

        Assert.Equal($"{path}, line 2: expected a label and 2 features, found 2 fields.", e.Message);
    }

    [Fact]
    public void ReadBytes_HeaderWithAHugeItemCount_ThrowsNamingTheFile()
    {
        var path = Path.Combine(_directory, "huge-images-idx3-ubyte");
        File.WriteAllBytes(path, [0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 1, 0, 0, 0, 0, 0, 28]);

        var e = Assert.Throws<InvalidDataException>(() => Idx.ReadBytes(path));

        Assert.Equal($"'{path}' has a corrupt header: dimension 2 of 3 is 65536, which makes more than {Array.MaxLength} items or a negative size.", e.Message);
    }

    [Fact]
    public void ReadBytes_CorruptGzip_ThrowsNamingTheFile()
    {
        var path = Path.Combine(_directory, "train-labels-idx1-ubyte.gz");
        File.WriteAllBytes(path, [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        var e = Assert.Throws<InvalidDataException>(() => Idx.ReadBytes(path));

        Assert.StartsWith($"'{path}' is not readable gzip: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IdxWithTwentySixLabels_HasTwentySixClasses()
    {
        byte[] labels = [0, 0, 8, 1, 0, 0, 0, 3, 0, 25, 7];
        byte[] images = [0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 1, 10, 20, 30];
        File.WriteAllBytes(Path.Combine(_directory, "train-labels-idx1-ubyte"), labels);
        File.WriteAllBytes(Path.Combine(_directory, "train-images-idx3-ubyte"), images);

        var set = FashionMnist.Load(_directory, "train");

        Assert.Equal(26, set.ClassCount);
        Assert.Equal([0, 25, 7], set.Labels);
    }

    [Fact]
    public void Compare_ConfigsWithNoName_ExitsTwoListingTheValidOnes()
    {
        var (code, _, error) = CliRunner.Run("compare", "--configs", ",");

        Assert.Equal(2, code);
        Assert.StartsWith("--configs must name at least one configuration. Valid values for preset default: none, l2, l1,", error, StringComparison.Ordinal);
        Assert.EndsWith("Received: ,.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("label,a,b\n0,1,2\n1000000,3,4\n", "{0}, line 3: the label 1000000 is not below 1000, the most classes a CSV file may have (a mistyped label?).")]
    [InlineData("0,1,2\n3,3,4\n", "{0}: the labels must be the class indices 0..K−1 with every class present, but 4 classes leave 2 without an example: 1, 2. Renumber the classes from 0.")]
    [InlineData("-1,1,2\n0,3,4\n", "{0}, line 1: the label '-1' is not a class index (0, 1, 2, …).")]
    [InlineData("0;1;2\n1;3;4\n", "{0}, line 1: fields must be separated by commas; this line uses semicolons.")]
    public void Load_BadCsvLabelsOrSeparator_NamesTheFileAndLine(string content, string message)
    {
        var path = Path.Combine(_directory, "bad.csv");
        File.WriteAllText(path, content);

        var e = Assert.Throws<DataUnavailableException>(() => CsvImages.Load(path));

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, path), e.Message);
    }
}
