using Regularizers.Torch.Models;

namespace Regularizers.Cli.Experiments;

/// <summary>Named experiment settings, each with the configurations it compares by default.</summary>
internal static class Presets
{
    /// <summary>The default preset's name.</summary>
    public const string DefaultName = "default";

    /// <summary>The large preset's name (the default of version 0.2).</summary>
    public const string LargeName = "large";

    /// <summary>The seed-004 preset's name.</summary>
    public const string Seed004Name = "seed004";

    /// <summary>
    /// The default ablation, sized so that the plain network overfits clearly and every configuration runs in about
    /// 2 minutes on 2 cores: 784-256-10 ReLU, SGD with momentum 0.9 at lr 0.05, batch 128, 30 epochs on 2,000
    /// training examples (5,000 more for validation), 5 seeds (at this size the seeds differ by a point or more, so
    /// fewer leave most intervals straddling 0). The baseline ends with a gap of about 12 points between
    /// training and test accuracy, which the regularizers then close or not.
    /// </summary>
    public static ExperimentSettings Default { get; } = new()
    {
        Preset = DefaultName,
        Network = new()
        {
            Inputs = 784, HiddenLayers = [256], Outputs = 10, Activation = Activation.ReLU, Optimizer = OptimizerKind.Momentum, LearningRate = 0.05,
        },
        BatchSize = 128,
        Epochs = 30,
        TrainSize = 2_000,
        ValidationSize = 5_000,
        Seeds = 5,
    };

    /// <summary>
    /// The default of version 0.2: the same network for 10 epochs on 20,000 training examples. It barely overfits
    /// (a gap of about 4 points), so most regularizers cost test accuracy there.
    /// </summary>
    public static ExperimentSettings Large { get; } = Default with { Preset = LargeName, Epochs = 10, TrainSize = 20_000, Seeds = 3 };

    /// <summary>
    /// Seed 004's experiment: a 784-200-10 sigmoid network trained with plain SGD at lr 0.01, batch 64, for 20 epochs
    /// on 20,000 training examples (one run, as in the seed). The seed reports on MNIST: none 0.8961, L2 0.8958,
    /// bagging 0.8934, dropout 0.8889; this preset runs on Fashion-MNIST unless <c>--data</c> says otherwise.
    /// </summary>
    public static ExperimentSettings Seed004 { get; } = new()
    {
        Preset = Seed004Name,
        Network = new()
        {
            Inputs = 784, HiddenLayers = [200], Outputs = 10, Activation = Activation.Sigmoid, Optimizer = OptimizerKind.Sgd, LearningRate = 0.01,
        },
        BatchSize = 64,
        Epochs = 20,
        TrainSize = 20_000,
        ValidationSize = 5_000,
        Seeds = 1,
    };

    /// <summary>The presets' names, for messages and help.</summary>
    public static IReadOnlyList<string> Names { get; } = [DefaultName, LargeName, Seed004Name];

    /// <summary>The settings of a preset.</summary>
    public static ExperimentSettings Settings(string name) => name switch
    {
        Seed004Name => Seed004,
        LargeName => Large,
        _ => Default,
    };

    /// <summary>The configurations a preset compares when <c>--configs</c> is not given, for a network of <paramref name="architecture"/>.</summary>
    public static IReadOnlyList<Configuration> Configurations(string name, Architecture architecture = Architecture.MultilayerPerceptron) =>
        name == Seed004Name ? Catalog.Seed004 : architecture == Architecture.ResidualCnn ? Catalog.Convolutional : Catalog.Default;

    /// <summary>
    /// <c>--model cnn</c>: <paramref name="network"/>'s optimizer and head on a residual CNN for 1-channel square images
    /// (Fashion-MNIST's 28×28): stages of 8 and 16 channels (28×28, then 14×14; about 2.1 million multiply-adds per
    /// image, so that scoring the 10,000 test images stays in seconds on a CPU), global average pooling, then one hidden
    /// layer of 64 before the outputs, so the perceptron's rows (dropout after hidden activations, DropConnect, weight
    /// noise) act on the head.
    /// </summary>
    public static ModelSpec Cnn(ModelSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network with { Architecture = Architecture.ResidualCnn, ImageChannels = 1, Channels = [8, 16], HiddenLayers = [64] };
    }
}
