using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>Builds the shared architecture with a configuration's layers in place.</summary>
internal static class ModelFactory
{
    /// <summary>
    /// <c>[input layer] → (hidden affine → activation → [dropout]) per hidden width → affine to the classes</c>.
    /// The output layer is always a plain <c>nn.Linear</c>, so every configuration ends in the same logits.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Build(ExperimentSettings settings, Configuration configuration, int inputs, int classes)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (configuration.InputLayer is { } input)
        {
            layers.Add(("input", input()));
        }
        long width = inputs;
        for (var i = 0; i < settings.HiddenLayers.Count; i++)
        {
            var next = settings.HiddenLayers[i];
            layers.Add(($"hidden{i + 1}", configuration.HiddenLinear?.Invoke(width, next) ?? nn.Linear(width, next)));
            layers.Add(($"activation{i + 1}", Activate(settings.Activation)));
            if (configuration.HiddenDropout is { } dropout)
            {
                layers.Add(($"dropout{i + 1}", dropout()));
            }
            width = next;
        }
        layers.Add(("output", nn.Linear(width, classes)));
        return nn.Sequential(layers.ToArray());
    }

    /// <summary>The settings' optimizer over the model's parameters.</summary>
    public static optim.Optimizer Optimizer(ExperimentSettings settings, nn.Module<Tensor, Tensor> model) => settings.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(model.parameters(), settings.LearningRate),
        OptimizerKind.Momentum => optim.SGD(model.parameters(), settings.LearningRate, momentum: 0.9),
        _ => optim.Adam(model.parameters(), settings.LearningRate),
    };

    private static nn.Module<Tensor, Tensor> Activate(Activation activation) => activation switch
    {
        Activation.Sigmoid => nn.Sigmoid(),
        Activation.Tanh => nn.Tanh(),
        _ => nn.ReLU(),
    };
}
