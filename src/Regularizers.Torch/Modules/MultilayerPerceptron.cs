using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Builds a multilayer perceptron with regularizing layers in place:
/// <c>[input] → (hidden affine → activation → [dropout]) per hidden width → affine to the outputs</c>, named
/// <c>input</c>, <c>hidden1</c>, <c>activation1</c>, <c>dropout1</c>, …, <c>output</c>. The output layer is always a
/// plain <c>nn.Linear</c>.
/// </summary>
public static class MultilayerPerceptron
{
    /// <summary>Creates the network.</summary>
    /// <param name="inputs">Input width.</param>
    /// <param name="hiddenLayers">Hidden widths, input to output.</param>
    /// <param name="outputs">Output width.</param>
    /// <param name="activation">Creates each hidden activation.</param>
    /// <param name="hiddenDropout">Creates the layer after each hidden activation (dropout, noise), or null for none.</param>
    /// <param name="hiddenLinear">Creates each hidden affine layer from (inputs, outputs) instead of <c>nn.Linear</c> (DropConnect, weight noise).</param>
    /// <param name="inputLayer">Creates a layer applied to the input first (input dropout or noise).</param>
    /// <exception cref="ArgumentOutOfRangeException">A width is below 1.</exception>
    public static Sequential Create(
        long inputs, IReadOnlyList<int> hiddenLayers, long outputs, Func<nn.Module<Tensor, Tensor>> activation,
        Func<nn.Module<Tensor, Tensor>?>? hiddenDropout = null, Func<long, long, nn.Module<Tensor, Tensor>>? hiddenLinear = null,
        Func<nn.Module<Tensor, Tensor>>? inputLayer = null)
    {
        ArgumentNullException.ThrowIfNull(hiddenLayers);
        ArgumentNullException.ThrowIfNull(activation);
        Guard.AtLeast(checked((int)inputs), 1, nameof(inputs));
        Guard.AtLeast(checked((int)outputs), 1, nameof(outputs));
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (inputLayer is not null)
        {
            layers.Add(("input", inputLayer()));
        }
        var width = inputs;
        for (var i = 0; i < hiddenLayers.Count; i++)
        {
            var next = Guard.AtLeast(hiddenLayers[i], 1, nameof(hiddenLayers));
            layers.Add(($"hidden{i + 1}", hiddenLinear?.Invoke(width, next) ?? nn.Linear(width, next)));
            layers.Add(($"activation{i + 1}", activation()));
            if (hiddenDropout?.Invoke() is { } dropout)
            {
                layers.Add(($"dropout{i + 1}", dropout));
            }
            width = next;
        }
        layers.Add(("output", nn.Linear(width, outputs)));
        return nn.Sequential(layers.ToArray());
    }
}
