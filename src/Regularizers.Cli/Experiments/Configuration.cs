using Regularizers.Core.Ensembles;
using Regularizers.Core.Stopping;
using Regularizers.Torch;
using Regularizers.Torch.Models;
using Regularizers.Torch.Modules;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// One row of a comparison: a name, a description and the regularizers it adds to the shared architecture. Every part
/// is a factory, so each run gets fresh modules and state; parts left null mean "as in the plain network".
/// </summary>
/// <param name="Name">Short, unique, kebab-case name (used by <c>--configs</c>).</param>
/// <param name="Description">What the configuration adds, with its hyperparameters.</param>
internal sealed record Configuration(string Name, string Description)
{
    /// <summary>A layer applied to the input before the first affine layer (input dropout, input noise).</summary>
    public Func<nn.Module<Tensor, Tensor>>? InputLayer { get; init; }

    /// <summary>Builds each hidden affine layer from (inputs, outputs) instead of <c>nn.Linear</c> (DropConnect, weight noise).</summary>
    public Func<long, long, nn.Module<Tensor, Tensor>>? HiddenLinear { get; init; }

    /// <summary>A layer after each hidden activation (the dropout family).</summary>
    public Func<nn.Module<Tensor, Tensor>>? HiddenDropout { get; init; }

    /// <summary>Penalties and constraints.</summary>
    public Func<Regularization>? Regularization { get; init; }

    /// <summary>The training loss instead of cross-entropy (label smoothing).</summary>
    public Func<nn.Module<Tensor, Tensor, Tensor>>? Loss { get; init; }

    /// <summary>Adversarial training (FGSM or PGD examples in each batch's objective).</summary>
    public Func<Regularizers.Torch.Adversarial.AdversarialTraining>? Adversarial { get; init; }

    /// <summary>A transform of each training batch built for the data's number of classes (MixUp); its soft targets need a <see cref="Loss"/> that takes probabilities.</summary>
    public Func<int, Regularizers.Torch.Augmentation.IBatchTransform>? BatchTransform { get; init; }

    /// <summary>Early stopping on the validation loss with this criterion, restoring the best epoch.</summary>
    public Func<IStoppingCriterion>? EarlyStopping { get; init; }

    /// <summary>Bagging: this many members, each trained on a bootstrap sample; 0 trains one network.</summary>
    public int BaggingMembers { get; init; }

    /// <summary>How bagging members are combined.</summary>
    public EnsembleCombination Combination { get; init; } = EnsembleCombination.ArithmeticMean;

    /// <summary>
    /// <paramref name="network"/>'s sizes and activation with this configuration's layers in place — input layer, hidden
    /// affine layers, the layer after each activation — which a <see cref="ModelSpec"/> cannot express
    /// (<see cref="MultilayerPerceptron.Create"/>, so the layer names are the spec's).
    /// </summary>
    public nn.Module<Tensor, Tensor> Build(ModelSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return MultilayerPerceptron.Create(
            network.Inputs, network.HiddenLayers, network.Outputs, network.CreateActivation, HiddenDropout, HiddenLinear, InputLayer);
    }
}
