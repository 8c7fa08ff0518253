using Regularizers.Cli.Experiments;
using static TorchSharp.torch;

namespace Regularizers.Cli.Data;

/// <summary>
/// The three disjoint sets of an experiment as tensors: training and validation examples drawn from the training split
/// (one fixed shuffle, the same for every configuration and seed) and the whole test split.
/// </summary>
internal sealed class ExperimentData : IDisposable
{
    /// <summary>The CSV test fraction when a single CSV file is given.</summary>
    public const double CsvTestFraction = 0.2;

    private ExperimentData(string source, LabeledImages train, LabeledImages validation, LabeledImages test, int classes, Device device)
    {
        Source = source;
        Features = train.FeatureCount;
        Classes = classes;
        (TrainX, TrainY, TrainLabels) = ToTensors(train, device);
        (ValidationX, ValidationY, _) = ToTensors(validation, device);
        (TestX, TestY, TestLabels) = ToTensors(test, device);
    }

    /// <summary>Where the data came from.</summary>
    public string Source { get; }

    /// <summary>Features per example.</summary>
    public int Features { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Training inputs [N, D] and class indices [N].</summary>
    public Tensor TrainX { get; }

    /// <inheritdoc cref="TrainX"/>
    public Tensor TrainY { get; }

    /// <summary>Training labels as integers.</summary>
    public IReadOnlyList<int> TrainLabels { get; }

    /// <summary>Validation inputs and class indices.</summary>
    public Tensor ValidationX { get; }

    /// <inheritdoc cref="ValidationX"/>
    public Tensor ValidationY { get; }

    /// <summary>Test inputs and class indices.</summary>
    public Tensor TestX { get; }

    /// <inheritdoc cref="TestX"/>
    public Tensor TestY { get; }

    /// <summary>Test labels as integers.</summary>
    public IReadOnlyList<int> TestLabels { get; }

    /// <summary>
    /// Loads the data: Fashion-MNIST from Debian's <c>dataset-fashion-mnist</c> when <paramref name="path"/> is null, a
    /// directory of IDX files (<c>train-*</c>, <c>t10k-*</c>, optionally gzipped), or one CSV file (of which
    /// <see cref="CsvTestFraction"/> becomes the test set).
    /// </summary>
    /// <exception cref="DataUnavailableException">The data is missing or unreadable.</exception>
    /// <param name="path">The data, or null for Fashion-MNIST.</param>
    /// <param name="trainSize">Training examples to draw.</param>
    /// <param name="validationSize">Validation examples to draw from the rest of the training split.</param>
    /// <param name="device">Where the tensors live (a <see cref="ComputeDevice"/> name).</param>
    /// <param name="featureScale">What a CSV file's features are divided by (null: not given; see <see cref="CsvImages"/>); IDX pixels are always divided by 255.</param>
    /// <exception cref="CliUsageException">The sizes do not fit the data; the message gives the allowed range.</exception>
    public static ExperimentData Load(string? path, int trainSize, int validationSize, string device = ComputeDevice.Cpu, double? featureScale = null)
    {
        var (source, pool, test) = Read(path, featureScale);
        if (pool.Count < 2)
        {
            throw new DataUnavailableException(
                $"{source} leaves {pool.Count} training example(s); at least 2 are needed, one to train on and one to validate on.");
        }
        var available = pool.Count - validationSize;
        if (validationSize < 1 || available < 1)
        {
            throw new CliUsageException(
                $"--validation-size must be between 1 and {pool.Count - 1} for this data set ({pool.Count} training examples). Received: {validationSize}.");
        }
        if (trainSize < 1 || trainSize > available)
        {
            throw new CliUsageException(
                $"--train-size must be between 1 and {available} for this data set ({pool.Count} training examples, {validationSize} held out for validation). Received: {trainSize}.");
        }
        var order = Shuffle(pool.Count);
        var classes = Math.Max(pool.ClassCount, test.ClassCount);
        return new ExperimentData(source, pool.Select(order[..trainSize]), pool.Select(order[trainSize..(trainSize + validationSize)]), test, classes, ComputeDevice.Of(device));
    }

    private static (string Source, LabeledImages Pool, LabeledImages Test) Read(string? path, double? featureScale)
    {
        if (path is null)
        {
            try
            {
                return ($"Fashion-MNIST ({FashionMnist.DefaultDirectory})", FashionMnist.LoadTrain(), FashionMnist.LoadTest());
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new DataUnavailableException(
                    $"Fashion-MNIST was not found in {FashionMnist.DefaultDirectory}: install the Debian package dataset-fashion-mnist (bash eng/bootstrap.sh does) or pass --data <a directory of IDX files or a CSV file>.", e);
            }
        }
        if (Directory.Exists(path))
        {
            try
            {
                return ($"IDX files in {path}", FashionMnist.Load(path, "train"), FashionMnist.Load(path, "t10k"));
            }
            catch (FileNotFoundException e)
            {
                throw new DataUnavailableException(
                    $"{path} has no train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]: pass a directory with those four files or a CSV file.", e);
            }
        }
        if (File.Exists(path))
        {
            var all = CsvImages.Load(path, featureScale);
            var order = Shuffle(all.Count);
            var testCount = Math.Max(1, (int)(all.Count * CsvTestFraction));
            var scaled = featureScale is { } s && s != 1 ? FormattableString.Invariant($", features ÷ {s}") : "";
            return ($"{path} ({testCount} of {all.Count} rows held out as the test set{scaled})", all.Select(order[testCount..]), all.Select(order[..testCount]));
        }
        throw new CliUsageException($"--data {path} does not exist: pass a directory of IDX files or a CSV file.");
    }

    // The split is fixed (seed 0) so that every configuration and seed sees the same examples: seeds vary the
    // initial weights and the batch order, not the data.
    private static int[] Shuffle(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(0).Shuffle(order);
        return order;
    }

    private static (Tensor X, Tensor Y, int[] Labels) ToTensors(LabeledImages images, Device device) =>
        (tensor(images.Pixels, new long[] { images.Count, images.FeatureCount }, device: device),
         tensor(images.Labels.Select(l => (long)l).ToArray(), device: device), images.Labels);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in new[] { TrainX, TrainY, ValidationX, ValidationY, TestX, TestY })
        {
            t.Dispose();
        }
    }
}
