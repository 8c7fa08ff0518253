namespace Regularizers.Cli.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test 28×28 grayscale images of
/// clothing in 10 classes. Read from the IDX files that Debian's <c>dataset-fashion-mnist</c> package installs.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads the training split (60,000 images).</summary>
    public static LabeledImages LoadTrain(string directory = DefaultDirectory) => Load(directory, "train");

    /// <summary>Loads the test split (10,000 images).</summary>
    public static LabeledImages LoadTest(string directory = DefaultDirectory) => Load(directory, "t10k");

    /// <summary>Loads <c>{prefix}-images-idx3-ubyte[.gz]</c> and <c>{prefix}-labels-idx1-ubyte[.gz]</c> from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">The files are missing; the message says which package or path provides them.</exception>
    public static LabeledImages Load(string directory, string prefix)
    {
        var images = Find(directory, $"{prefix}-images-idx3-ubyte");
        var labels = Find(directory, $"{prefix}-labels-idx1-ubyte");
        var (imageDims, pixels) = Idx.ReadBytes(images);
        var (labelDims, labelBytes) = Idx.ReadBytes(labels);
        if (imageDims.Length != 3 || labelDims.Length != 1 || imageDims[0] != labelDims[0])
        {
            throw new InvalidDataException(
                $"'{images}' and '{labels}' do not form an image set: dimensions [{string.Join(", ", imageDims)}] and [{string.Join(", ", labelDims)}].");
        }
        var scaled = new float[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            scaled[i] = pixels[i] / 255f;
        }
        // IDX labels are bytes, so at most 256 classes: K is the largest label + 1 (10 for Fashion-MNIST).
        var classes = labelBytes.Length == 0 ? 1 : labelBytes.Max() + 1;
        return new LabeledImages(scaled, labelBytes.Select(b => (int)b).ToArray(), imageDims[1], imageDims[2], classes);
    }

    private static string Find(string directory, string name)
    {
        foreach (var candidate in new[] { Path.Combine(directory, name + ".gz"), Path.Combine(directory, name) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(
            $"Fashion-MNIST file '{name}(.gz)' not found in '{directory}': install the Debian package dataset-fashion-mnist (eng/bootstrap.sh does) or pass the directory that holds the IDX files.",
            Path.Combine(directory, name + ".gz"));
    }
}
