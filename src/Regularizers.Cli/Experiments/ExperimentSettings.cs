using System.Globalization;
using Regularizers.Torch.Models;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// What every configuration of an experiment shares: the network and its optimizer (a <see cref="ModelSpec"/>, to which
/// configurations add their own layers), the schedule, the data subset and the number of seeds.
/// </summary>
internal sealed record ExperimentSettings
{
    /// <summary>The preset these settings came from.</summary>
    public required string Preset { get; init; }

    /// <summary>
    /// Hidden widths, activation, optimizer and learning rate, for Fashion-MNIST's 784 inputs and 10 classes;
    /// <see cref="NetworkFor"/> fits the widths to the data.
    /// </summary>
    public required ModelSpec Network { get; init; }

    /// <summary>Examples per mini-batch.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Epochs (the maximum, for configurations that stop early).</summary>
    public required int Epochs { get; init; }

    /// <summary>Training examples, drawn from the training split.</summary>
    public required int TrainSize { get; init; }

    /// <summary>Validation examples, drawn from the rest of the training split (for early stopping and the loss curves).</summary>
    public required int ValidationSize { get; init; }

    /// <summary>The device every tensor lives on, a <see cref="ComputeDevice"/> name (<c>cpu</c> unless <c>--device</c> says otherwise).</summary>
    public string Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>What a CSV file's features are divided by (<c>--feature-scale</c>); null when not given.</summary>
    public double? FeatureScale { get; init; }

    /// <summary>Independent repetitions (initial weights and batch order) of every configuration.</summary>
    public required int Seeds { get; init; }

    /// <summary><see cref="Network"/> for <paramref name="inputs"/> features and <paramref name="classes"/> classes.</summary>
    public ModelSpec NetworkFor(int inputs, int classes) => Network with { Inputs = inputs, Outputs = classes };

    /// <summary>
    /// A one-line description, e.g. <c>784-200-10 Sigmoid, Sgd lr 0.01, batch 64, 20 epochs</c>; a CNN's stages come
    /// first, e.g. <c>784-conv8-conv16-64-10 ReLU</c>.
    /// </summary>
    public string Describe(int inputs, int classes) =>
        FormattableString.Invariant(
            $"{Layers(inputs, classes)} {Network.Activation}, {Network.Optimizer} lr {Network.LearningRate}, batch {BatchSize}, {Epochs} epochs, {TrainSize} training examples, {Seeds} seed(s)") +
        (Device == ComputeDevice.Cpu ? "" : $", on {Device}");

    private string Layers(int inputs, int classes) => string.Join(
        "-",
        [
            inputs.ToString(CultureInfo.InvariantCulture),
            .. Network.Channels.Select(c => "conv" + c.ToString(CultureInfo.InvariantCulture)),
            .. Network.HiddenLayers.Select(h => h.ToString(CultureInfo.InvariantCulture)),
            classes.ToString(CultureInfo.InvariantCulture),
        ]);
}
