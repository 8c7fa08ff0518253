using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Models;

/// <summary>
/// A network and how it trains, as data — the one recipe the <c>Trainer</c>, the ML.NET wrapper and the CLI share. A
/// <see cref="Architecture.MultilayerPerceptron"/> (the default) is
/// <c>Inputs → (Linear → activation → [dropout]) per hidden width → Linear → Outputs</c>, built by
/// <see cref="MultilayerPerceptron.Create"/> with its layer names (<c>hidden1</c>, <c>activation1</c>, <c>dropout1</c>,
/// …, <c>output</c>); a <see cref="Architecture.ResidualCnn"/> reads the Inputs as square images of
/// <see cref="ImageChannels"/> channels and puts residual stages of <see cref="Channels"/> (with
/// <see cref="DropPathRate"/> and <see cref="DropBlockRate"/>) and a global average pool before the same head
/// (<see cref="ResidualCnn.Create"/>). Also the optimizer over the network's parameters.
/// </summary>
/// <remarks>
/// Every property is checked as it is set (also through <c>with</c> and when a saved header is read), and how they fit
/// together when the network is built; messages name the property, e.g. <c>DropoutRate must be a finite number in the range [0, 1). Received:
/// DropoutRate=1.</c> Two specs are equal when every property is, widths compared element by element.
/// </remarks>
public sealed record ModelSpec
{
    /// <summary>The default drop probability.</summary>
    public const double DefaultDropoutRate = 0.5;

    /// <summary>The default learning rate (Adam's usual).</summary>
    public const double DefaultLearningRate = 1e-3;

    /// <summary>The default side of DropBlock's squares.</summary>
    public const int DefaultDropBlockSize = 3;

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
    private readonly Architecture _architecture;
    private readonly int[] _channels = [];
    private readonly int _imageChannels = 1;
    private readonly double _dropPathRate;
    private readonly double _dropBlockRate;
    private readonly int _dropBlockSize = DefaultDropBlockSize;

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

    /// <summary>The kind of network; <see cref="Architecture.MultilayerPerceptron"/> by default.</summary>
    public Architecture Architecture { get => _architecture; init => _architecture = Guard.Defined(value, nameof(Architecture)); }

    /// <summary>A <see cref="Architecture.ResidualCnn"/>'s stage widths (each ≥ 1; at least one stage); empty by default.</summary>
    public IReadOnlyList<int> Channels
    {
        get => _channels;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Channels));
            _channels = value.Select(width => Guard.AtLeast(width, 1, nameof(Channels))).ToArray();
        }
    }

    /// <summary>A <see cref="Architecture.ResidualCnn"/>'s image channels C (≥ 1; 1 by default): Inputs must be C·s² for a side s.</summary>
    public int ImageChannels { get => _imageChannels; init => _imageChannels = Guard.AtLeast(value, 1, nameof(ImageChannels)); }

    /// <summary>A <see cref="Architecture.ResidualCnn"/>'s stochastic-depth rate of its last block, in [0, 1); 0 by default.</summary>
    public double DropPathRate { get => _dropPathRate; init => _dropPathRate = Guard.InRange(value, 0, true, 1, false, nameof(DropPathRate)); }

    /// <summary>A <see cref="Architecture.ResidualCnn"/>'s DropBlock p in every block, in [0, 1); 0 (none) by default.</summary>
    public double DropBlockRate { get => _dropBlockRate; init => _dropBlockRate = Guard.InRange(value, 0, true, 1, false, nameof(DropBlockRate)); }

    /// <summary>DropBlock's block size (≥ 1); <see cref="DefaultDropBlockSize"/> by default.</summary>
    public int DropBlockSize { get => _dropBlockSize; init => _dropBlockSize = Guard.AtLeast(value, 1, nameof(DropBlockSize)); }

    /// <summary>A fresh network, in training mode, initialised from torch's default generator.</summary>
    /// <exception cref="InvalidOperationException">The properties do not fit together (see <see cref="Build(Func{nn.Module{Tensor, Tensor}?}?, Func{long, long, nn.Module{Tensor, Tensor}}?, Func{nn.Module{Tensor, Tensor}}?)"/>).</exception>
    public Sequential Build() => Build(CreateDropout);

    /// <summary>
    /// A fresh network with other regularizing layers in place of <see cref="Dropout"/>: <paramref name="hiddenDropout"/>
    /// after each hidden activation (and after a CNN's pooled features), <paramref name="hiddenLinear"/> for each hidden
    /// affine layer, <paramref name="inputLayer"/> on the flat input first.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A multilayer perceptron with convolutional settings (Channels, DropPathRate, DropBlockRate), or a ResidualCnn with
    /// no stage or with Inputs that are not ImageChannels·s².
    /// </exception>
    public Sequential Build(
        Func<nn.Module<Tensor, Tensor>?>? hiddenDropout, Func<long, long, nn.Module<Tensor, Tensor>>? hiddenLinear = null,
        Func<nn.Module<Tensor, Tensor>>? inputLayer = null)
    {
        if (Architecture == Architecture.MultilayerPerceptron)
        {
            if (Channels.Count > 0 || DropPathRate > 0 || DropBlockRate > 0)
            {
                throw new InvalidOperationException(
                    $"Channels, DropPathRate and DropBlockRate belong to a ResidualCnn; this spec is a MultilayerPerceptron. Received: Channels=[{string.Join(", ", Channels)}], DropPathRate={Guard.Show(DropPathRate)}, DropBlockRate={Guard.Show(DropBlockRate)}.");
            }
            return MultilayerPerceptron.Create(Inputs, HiddenLayers, Outputs, CreateActivation, hiddenDropout, hiddenLinear, inputLayer);
        }
        var side = (int)Math.Round(Math.Sqrt(Inputs / (double)ImageChannels));
        if (Channels.Count == 0 || ImageChannels * side * side != Inputs)
        {
            throw new InvalidOperationException(
                $"A ResidualCnn needs at least one stage in Channels and Inputs = ImageChannels·s² (square images). Received: Channels=[{string.Join(", ", Channels)}], Inputs={Inputs}, ImageChannels={ImageChannels}.");
        }
        return ResidualCnn.Create(
            ImageChannels, side, Channels, HiddenLayers, Outputs, CreateActivation, DropPathRate, DropBlockRate, DropBlockSize, hiddenDropout, hiddenLinear, inputLayer);
    }

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
        && Optimizer == other.Optimizer && LearningRate.Equals(other.LearningRate) && Architecture == other.Architecture
        && Channels.SequenceEqual(other.Channels) && ImageChannels == other.ImageChannels && DropPathRate.Equals(other.DropPathRate)
        && DropBlockRate.Equals(other.DropBlockRate) && DropBlockSize == other.DropBlockSize;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(HashCode.Combine(Inputs, HiddenLayers.Count, Outputs, Activation, Dropout, DropoutRate, Optimizer, LearningRate), Architecture, Channels.Count, DropPathRate, DropBlockRate);
}
