using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Models;

/// <summary>
/// A multilayer perceptron and how it trains, as data — the one recipe the <c>Trainer</c>, the ML.NET wrapper and the
/// CLI share: <c>Inputs → (Linear → activation → [dropout]) per hidden width → Linear → Outputs</c>, built by
/// <see cref="MultilayerPerceptron.Create"/> with its layer names (<c>hidden1</c>, <c>activation1</c>, <c>dropout1</c>,
/// …, <c>output</c>), and the optimizer over its parameters.
/// </summary>
/// <remarks>
/// Every property is checked as it is set (also through <c>with</c> and when a saved header is read), so an invalid spec
/// cannot exist; messages name the property, e.g. <c>DropoutRate must be a finite number in the range [0, 1). Received:
/// DropoutRate=1.</c> Two specs are equal when every property is, hidden widths compared element by element.
/// </remarks>
public sealed record ModelSpec
{
    /// <summary>The default drop probability.</summary>
    public const double DefaultDropoutRate = 0.5;

    /// <summary>The default learning rate (Adam's usual).</summary>
    public const double DefaultLearningRate = 1e-3;

    /// <summary>The momentum of <see cref="OptimizerKind.Momentum"/>.</summary>
    public const double Momentum = 0.9;

    private readonly int _inputs;
    private readonly int[] _hiddenLayers = [];
    private readonly int _outputs;
    private readonly Activation _activation;
    private readonly DropoutKind _dropout;
    private readonly double _dropoutRate = DefaultDropoutRate;
    private readonly OptimizerKind _optimizer = OptimizerKind.Adam;
    private readonly double _learningRate = DefaultLearningRate;

    /// <summary>Input width (≥ 1).</summary>
    public required int Inputs { get => _inputs; init => _inputs = Guard.AtLeast(value, 1, nameof(Inputs)); }

    /// <summary>Hidden widths, input to output (each ≥ 1; empty for a linear model).</summary>
    public required IReadOnlyList<int> HiddenLayers
    {
        get => _hiddenLayers;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(HiddenLayers));
            _hiddenLayers = value.Select(width => Guard.AtLeast(width, 1, nameof(HiddenLayers))).ToArray();
        }
    }

    /// <summary>Output width (≥ 1): K classes, 1 for regression.</summary>
    public required int Outputs { get => _outputs; init => _outputs = Guard.AtLeast(value, 1, nameof(Outputs)); }

    /// <summary>The hidden activation; <see cref="Activation.ReLU"/> by default.</summary>
    public Activation Activation { get => _activation; init => _activation = Guard.Defined(value, nameof(Activation)); }

    /// <summary>The dropout after each hidden activation; <see cref="DropoutKind.None"/> by default.</summary>
    public DropoutKind Dropout { get => _dropout; init => _dropout = Guard.Defined(value, nameof(Dropout)); }

    /// <summary>The drop probability p in [0, 1) of <see cref="Dropout"/>; <see cref="DefaultDropoutRate"/> by default.</summary>
    public double DropoutRate { get => _dropoutRate; init => _dropoutRate = Guard.InRange(value, 0, true, 1, false, nameof(DropoutRate)); }

    /// <summary>The optimizer; <see cref="OptimizerKind.Adam"/> by default.</summary>
    public OptimizerKind Optimizer { get => _optimizer; init => _optimizer = Guard.Defined(value, nameof(Optimizer)); }

    /// <summary>The learning rate (&gt; 0); <see cref="DefaultLearningRate"/> by default.</summary>
    public double LearningRate { get => _learningRate; init => _learningRate = Guard.Positive(value, nameof(LearningRate)); }

    /// <summary>A fresh network, in training mode, initialised from torch's default generator.</summary>
    public Sequential Build() => MultilayerPerceptron.Create(Inputs, HiddenLayers, Outputs, CreateActivation, CreateDropout);

    /// <summary>A fresh hidden activation of kind <see cref="Activation"/>.</summary>
    public nn.Module<Tensor, Tensor> CreateActivation() => Activation switch
    {
        Activation.Sigmoid => nn.Sigmoid(),
        Activation.Tanh => nn.Tanh(),
        _ => nn.ReLU(),
    };

    /// <summary>A fresh dropout layer of kind <see cref="Dropout"/> with p = <see cref="DropoutRate"/>, or null for <see cref="DropoutKind.None"/>.</summary>
    public nn.Module<Tensor, Tensor>? CreateDropout() => Dropout switch
    {
        DropoutKind.Inverted => new InvertedDropout(DropoutRate),
        DropoutKind.Classic => new ClassicDropout(DropoutRate),
        DropoutKind.Gaussian => new GaussianDropout(DropoutRate),
        _ => null,
    };

    /// <summary>The <see cref="Optimizer"/> over <paramref name="module"/>'s parameters at <see cref="LearningRate"/>.</summary>
    public optim.Optimizer CreateOptimizer(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return Optimizer switch
        {
            OptimizerKind.Sgd => optim.SGD(module.parameters(), LearningRate),
            OptimizerKind.Momentum => optim.SGD(module.parameters(), LearningRate, momentum: Momentum),
            _ => optim.Adam(module.parameters(), LearningRate),
        };
    }

    /// <inheritdoc />
    public bool Equals(ModelSpec? other) =>
        other is not null && Inputs == other.Inputs && HiddenLayers.SequenceEqual(other.HiddenLayers) && Outputs == other.Outputs
        && Activation == other.Activation && Dropout == other.Dropout && DropoutRate.Equals(other.DropoutRate)
        && Optimizer == other.Optimizer && LearningRate.Equals(other.LearningRate);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Inputs, HiddenLayers.Count, Outputs, Activation, Dropout, DropoutRate, Optimizer, LearningRate);
}
