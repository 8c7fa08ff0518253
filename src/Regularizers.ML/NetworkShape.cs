using Regularizers.Torch;
using static TorchSharp.torch;
using Regularizers.Torch.Modules;

namespace Regularizers.ML;

/// <summary>What is needed to rebuild a trained network: sizes, activation and dropout.</summary>
/// <param name="Features">Input width.</param>
/// <param name="Outputs">Output width: K classes, 2 for binary, 1 for regression.</param>
/// <param name="HiddenLayers">Hidden widths.</param>
/// <param name="Activation">Hidden activation.</param>
/// <param name="Dropout">Dropout after each hidden layer.</param>
/// <param name="DropoutRate">Its drop probability.</param>
internal sealed record NetworkShape(int Features, int Outputs, IReadOnlyList<int> HiddenLayers, NetworkActivation Activation, DropoutKind Dropout, double DropoutRate)
{
    /// <summary><c>(Linear → activation → dropout) per hidden width → Linear</c> (<see cref="MultilayerPerceptron"/>).</summary>
    public nn.Module<Tensor, Tensor> Build() =>
        MultilayerPerceptron.Create(Features, HiddenLayers, Outputs, Activate, Dropout == DropoutKind.None ? null : CreateDropout);

    private nn.Module<Tensor, Tensor> Activate() => Activation switch
    {
        NetworkActivation.Sigmoid => nn.Sigmoid(),
        NetworkActivation.Tanh => nn.Tanh(),
        _ => nn.ReLU(),
    };

    private nn.Module<Tensor, Tensor> CreateDropout() => Dropout switch
    {
        DropoutKind.Classic => new ClassicDropout(DropoutRate),
        DropoutKind.Gaussian => new GaussianDropout(DropoutRate),
        _ => new InvertedDropout(DropoutRate),
    };
}
