using Regularizers.Torch;
using static TorchSharp.torch;

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
    /// <summary><c>(Linear → activation → dropout) per hidden width → Linear</c>.</summary>
    public nn.Module<Tensor, Tensor> Build()
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long width = Features;
        for (var i = 0; i < HiddenLayers.Count; i++)
        {
            layers.Add(($"hidden{i + 1}", nn.Linear(width, HiddenLayers[i])));
            layers.Add(($"activation{i + 1}", Activation switch
            {
                NetworkActivation.Sigmoid => nn.Sigmoid(),
                NetworkActivation.Tanh => nn.Tanh(),
                _ => nn.ReLU(),
            }));
            nn.Module<Tensor, Tensor>? dropout = Dropout switch
            {
                DropoutKind.Inverted => new InvertedDropout(DropoutRate),
                DropoutKind.Classic => new ClassicDropout(DropoutRate),
                DropoutKind.Gaussian => new GaussianDropout(DropoutRate),
                _ => null,
            };
            if (dropout is not null)
            {
                layers.Add(($"dropout{i + 1}", dropout));
            }
            width = HiddenLayers[i];
        }
        layers.Add(("output", nn.Linear(width, Outputs)));
        return nn.Sequential(layers.ToArray());
    }
}
