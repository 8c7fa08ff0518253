using Regularizers.Torch;
using static TorchSharp.torch;
using Regularizers.Torch.Modules;

namespace Regularizers.Cli.Experiments;

/// <summary>Builds the shared architecture with a configuration's layers in place.</summary>
internal static class ModelFactory
{
    /// <summary>The settings' architecture with the configuration's layers in place (<see cref="MultilayerPerceptron"/>).</summary>
    public static nn.Module<Tensor, Tensor> Build(ExperimentSettings settings, Configuration configuration, int inputs, int classes) =>
        MultilayerPerceptron.Create(
            inputs, settings.HiddenLayers, classes, () => Activate(settings.Activation),
            configuration.HiddenDropout, configuration.HiddenLinear, configuration.InputLayer);

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
