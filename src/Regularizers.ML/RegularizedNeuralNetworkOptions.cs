using Microsoft.ML;
using Regularizers.Core.Stopping;
using Regularizers.Core;
using Regularizers.Torch.Models;
using Regularizers.Torch.Training;

namespace Regularizers.ML;

/// <summary>
/// Everything the regularized network trainer can be told, with named defaults (ML.NET's <c>Options</c> pattern).
/// Validated when the trainer is created; messages name the option, its value and what is allowed. The network options
/// (<see cref="HiddenLayers"/>, <see cref="Activation"/>, <see cref="Dropout"/>, <see cref="DropoutRate"/>,
/// <see cref="Optimizer"/>, <see cref="LearningRate"/>) become the library's <see cref="ModelSpec"/>, which checks them.
/// </summary>
public sealed class RegularizedNeuralNetworkOptions
{
    /// <summary>Default hidden layer sizes.</summary>
    public static readonly IReadOnlyList<int> DefaultHiddenLayers = [128];

    /// <summary>Default number of epochs.</summary>
    public const int DefaultEpochs = 20;

    /// <summary>Default mini-batch size.</summary>
    public const int DefaultBatchSize = 64;

    /// <summary>Default learning rate (for Adam).</summary>
    public const double DefaultLearningRate = ModelSpec.DefaultLearningRate;

    /// <summary>Default drop probability when <see cref="Dropout"/> is set.</summary>
    public const double DefaultDropoutRate = ModelSpec.DefaultDropoutRate;

    /// <summary>Default early-stopping patience in epochs.</summary>
    public const int DefaultPatience = 5;

    /// <summary>The label column ("Label").</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>The feature column, a vector of Single of known size ("Features").</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>
    /// The example weight column, a Single ≥ 0 per row (null: every row weighs 1), as on ML.NET's trainers. Each batch's
    /// loss becomes the weighted mean <c>Σᵢ wᵢ·ℓᵢ / Σᵢ wᵢ</c>, and the history's losses and accuracies are weighted means;
    /// validation data must carry the column too. Not with <see cref="BaggingMembers"/>.
    /// </summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <summary>Hidden layer sizes, input to output.</summary>
    public IReadOnlyList<int> HiddenLayers { get; set; } = DefaultHiddenLayers;

    /// <summary>The hidden layers' activation.</summary>
    public Activation Activation { get; set; } = Activation.ReLU;

    /// <summary>Epochs (the maximum when early stopping is on).</summary>
    public int Epochs { get; set; } = DefaultEpochs;

    /// <summary>Examples per mini-batch.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; set; } = DefaultLearningRate;

    /// <summary>λ₁ of the L1 penalty <c>λ₁·Σ|w|</c> on the weights (0: off).</summary>
    public double L1Regularization { get; set; }

    /// <summary>λ₂ of the L2 penalty <c>(λ₂/2)·Σw²</c> on the weights (0: off).</summary>
    public double L2Regularization { get; set; }

    /// <summary>The dropout after each hidden layer.</summary>
    public DropoutKind Dropout { get; set; } = DropoutKind.None;

    /// <summary>The drop probability p in [0, 1).</summary>
    public double DropoutRate { get; set; } = DefaultDropoutRate;

    /// <summary>Label smoothing ε in [0, 1) (uniform; classification only).</summary>
    public double LabelSmoothing { get; set; }

    /// <summary>Max-norm c of each unit's incoming weights, applied after every step (0: off).</summary>
    public double MaxNorm { get; set; }

    /// <summary>Rows held out of the training data for early stopping, in [0, 1) (0: none unless <see cref="ValidationData"/>).</summary>
    public double ValidationFraction { get; set; }

    /// <summary>Validation rows for early stopping, instead of a held-out fraction.</summary>
    public IDataView? ValidationData { get; set; }

    /// <summary>The stopping rule on validation loss; <see cref="Patience"/> with <see cref="DefaultPatience"/> when null.</summary>
    public IStoppingCriterion? EarlyStoppingCriterion { get; set; }

    /// <summary>Restore the weights of the best validation epoch at the end.</summary>
    public bool RestoreBestWeights { get; set; } = true;

    /// <summary>Bagging: this many networks on bootstrap samples, averaged (0: one network).</summary>
    public int BaggingMembers { get; set; }

    /// <summary>Seed for initial weights, batch order, splits and bootstrap samples.</summary>
    public int Seed { get; set; }

    /// <summary>Called after every epoch with its metrics.</summary>
    public Action<EpochMetrics>? Progress { get; set; }

    /// <summary>Whether any validation data is configured.</summary>
    internal bool Validates => ValidationData is not null || ValidationFraction > 0;

    /// <summary>The network these options describe, for <paramref name="inputs"/> features and <paramref name="outputs"/> outputs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A network option is out of range (the message names it).</exception>
    internal ModelSpec Network(int inputs, int outputs) => new()
    {
        Inputs = inputs,
        HiddenLayers = HiddenLayers,
        Outputs = outputs,
        Activation = Activation,
        Dropout = Dropout,
        DropoutRate = DropoutRate,
        Optimizer = Optimizer,
        LearningRate = LearningRate,
    };

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(FeatureColumnName);
        // The widths come from the data at Fit; one input and one output stand in for them so the spec checks the rest now.
        Network(inputs: 1, outputs: 1);
        Guard.AtLeast(Epochs, 1);
        Guard.AtLeast(BatchSize, 1);
        Guard.NonNegative(L1Regularization);
        Guard.NonNegative(L2Regularization);
        Guard.InRange(LabelSmoothing, 0, true, 1, false);
        Guard.NonNegative(MaxNorm);
        Guard.InRange(ValidationFraction, 0, true, 1, false);
        Guard.AtLeast(BaggingMembers, 0);
        if (ExampleWeightColumnName is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ExampleWeightColumnName);
            if (BaggingMembers > 0)
            {
                throw new ArgumentException("ExampleWeightColumnName cannot be combined with BaggingMembers: bootstrap samples are drawn without weights.", nameof(ExampleWeightColumnName));
            }
        }
        if (ValidationData is not null && ValidationFraction > 0)
        {
            throw new ArgumentException("Give either ValidationData or ValidationFraction, not both.", nameof(ValidationFraction));
        }
    }
}
