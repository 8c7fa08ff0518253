using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Builds a small residual CNN for flattened square images, in the layer vocabulary of
/// <see cref="MultilayerPerceptron"/> so the same regularizing layers plug in:
/// <c>[input] → unflatten to [C, s, s] → stem (conv 3×3 → BN → act) → block1 → (down: conv 3×3 stride 2 → BN → act →
/// block) per further stage → global average pool → [dropout0] → (hidden affine → act → [dropout]) per hidden width →
/// affine to the outputs</c>. Layer names: <c>input</c>, <c>unflatten</c>, <c>stem</c>, <c>stem_norm</c>,
/// <c>stem_activation</c>, <c>block1</c>, <c>down2</c>, <c>down2_norm</c>, <c>down2_activation</c>, <c>block2</c>, …,
/// <c>pool</c>, <c>dropout0</c>, <c>hidden1</c>, <c>activation1</c>, <c>dropout1</c>, …, <c>output</c>. Block l of L
/// drops its branch with probability <c>dropPath·l/L</c>, the linear rule of Huang et al. 2016.
/// </summary>
public static class ResidualCnn
{
    /// <summary>Creates the network.</summary>
    /// <param name="imageChannels">C, the channels of the input images.</param>
    /// <param name="side">s, the images' height and width; the input width is C·s².</param>
    /// <param name="channels">Each stage's channels (at least one stage); every stage after the first halves the resolution.</param>
    /// <param name="hiddenLayers">The head's hidden widths.</param>
    /// <param name="outputs">Output width.</param>
    /// <param name="activation">Creates every activation.</param>
    /// <param name="dropPath">The last block's stochastic-depth rate in [0, 1).</param>
    /// <param name="dropBlock">DropBlock's p in [0, 1) in every block; 0 for none.</param>
    /// <param name="dropBlockSize">DropBlock's block size.</param>
    /// <param name="hiddenDropout">Creates the layer after the pooled features and after each hidden activation, or null for none.</param>
    /// <param name="hiddenLinear">Creates each hidden affine layer from (inputs, outputs) instead of <c>nn.Linear</c>.</param>
    /// <param name="inputLayer">Creates a layer applied to the flat input first.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or a rate outside [0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="channels"/> is empty.</exception>
    public static Sequential Create(
        int imageChannels, int side, IReadOnlyList<int> channels, IReadOnlyList<int> hiddenLayers, long outputs,
        Func<nn.Module<Tensor, Tensor>> activation, double dropPath = 0, double dropBlock = 0, int dropBlockSize = 3,
        Func<nn.Module<Tensor, Tensor>?>? hiddenDropout = null, Func<long, long, nn.Module<Tensor, Tensor>>? hiddenLinear = null,
        Func<nn.Module<Tensor, Tensor>>? inputLayer = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(hiddenLayers);
        ArgumentNullException.ThrowIfNull(activation);
        Guard.AtLeast(imageChannels, 1);
        Guard.AtLeast(side, 1);
        Guard.InRange(dropPath, 0, true, 1, false);
        if (channels.Count == 0)
        {
            throw new ArgumentException("channels must name at least one stage. Received: channels=[].", nameof(channels));
        }
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (inputLayer is not null)
        {
            layers.Add(("input", inputLayer()));
        }
        layers.Add(("unflatten", nn.Unflatten(1, [imageChannels, side, side])));
        var width = Guard.AtLeast(channels[0], 1, nameof(channels));
        layers.Add(("stem", nn.Conv2d(imageChannels, width, 3, padding: 1, bias: false)));
        layers.Add(("stem_norm", nn.BatchNorm2d(width)));
        layers.Add(("stem_activation", activation()));
        for (var stage = 0; stage < channels.Count; stage++)
        {
            var next = Guard.AtLeast(channels[stage], 1, nameof(channels));
            if (stage > 0)
            {
                layers.Add(($"down{stage + 1}", nn.Conv2d(width, next, 3, stride: 2, padding: 1, bias: false)));
                layers.Add(($"down{stage + 1}_norm", nn.BatchNorm2d(next)));
                layers.Add(($"down{stage + 1}_activation", activation()));
            }
            var rate = dropPath * (stage + 1) / channels.Count;
            layers.Add(($"block{stage + 1}", new ResidualBlock(next, activation, rate, dropBlock, dropBlockSize)));
            width = next;
        }
        layers.Add(("pool", nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())));
        if (hiddenDropout?.Invoke() is { } pooledDropout)
        {
            layers.Add(("dropout0", pooledDropout));
        }
        long features = width;
        for (var i = 0; i < hiddenLayers.Count; i++)
        {
            var next = Guard.AtLeast(hiddenLayers[i], 1, nameof(hiddenLayers));
            layers.Add(($"hidden{i + 1}", hiddenLinear?.Invoke(features, next) ?? nn.Linear(features, next)));
            layers.Add(($"activation{i + 1}", activation()));
            if (hiddenDropout?.Invoke() is { } dropout)
            {
                layers.Add(($"dropout{i + 1}", dropout));
            }
            features = next;
        }
        layers.Add(("output", nn.Linear(features, outputs)));
        return nn.Sequential(layers.ToArray());
    }
}
