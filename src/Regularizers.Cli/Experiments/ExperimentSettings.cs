namespace Regularizers.Cli.Experiments;

/// <summary>
/// What every configuration of an experiment shares: the architecture (a multilayer perceptron with the given hidden
/// layer sizes), the optimizer, the schedule, the data subset and the number of seeds.
/// </summary>
internal sealed record ExperimentSettings
{
    /// <summary>The preset these settings came from.</summary>
    public required string Preset { get; init; }

    /// <summary>Hidden layer widths, input to output; the input and output widths come from the data.</summary>
    public required IReadOnlyList<int> HiddenLayers { get; init; }

    /// <summary>The hidden layers' nonlinearity.</summary>
    public required Activation Activation { get; init; }

    /// <summary>The optimizer.</summary>
    public required OptimizerKind Optimizer { get; init; }

    /// <summary>The learning rate.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Examples per mini-batch.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Epochs (the maximum, for configurations that stop early).</summary>
    public required int Epochs { get; init; }

    /// <summary>Training examples, drawn from the training split.</summary>
    public required int TrainSize { get; init; }

    /// <summary>Validation examples, drawn from the rest of the training split (for early stopping and the loss curves).</summary>
    public required int ValidationSize { get; init; }

    /// <summary>Independent repetitions (initial weights and batch order) of every configuration.</summary>
    public required int Seeds { get; init; }

    /// <summary>A one-line description, e.g. <c>784-200-10 Sigmoid, Sgd lr 0.01, batch 64, 20 epochs</c>.</summary>
    public string Describe(int inputs, int classes) =>
        FormattableString.Invariant(
            $"{inputs}-{string.Join("-", HiddenLayers)}-{classes} {Activation}, {Optimizer} lr {LearningRate}, batch {BatchSize}, {Epochs} epochs, {TrainSize} training examples, {Seeds} seed(s)");
}
