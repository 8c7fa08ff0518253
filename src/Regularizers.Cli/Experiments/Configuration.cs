using Regularizers.Core.Ensembles;
using Regularizers.Core.Stopping;
using Regularizers.Torch;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Models;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Training;
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

    /// <summary>A training loss that runs the model itself (R-Drop), in place of <see cref="Loss"/>.</summary>
    public Func<IModelLoss>? ModelLoss { get; init; }

    /// <summary>Changes the shared network's spec for this row (structured dropout in the CNN's blocks).</summary>
    public Func<ModelSpec, ModelSpec>? Network { get; init; }

    /// <summary>Adversarial training (FGSM or PGD examples in each batch's objective).</summary>
    public Func<Regularizers.Torch.Adversarial.AdversarialTraining>? Adversarial { get; init; }

    /// <summary>A transform of each training batch built for the data's number of classes (MixUp); its soft targets need a <see cref="Loss"/> that takes probabilities.</summary>
    public Func<int, Regularizers.Torch.Augmentation.IBatchTransform>? BatchTransform { get; init; }

    /// <summary>Early stopping on the validation loss with this criterion, restoring the best epoch.</summary>
    public Func<IStoppingCriterion>? EarlyStopping { get; init; }

    /// <summary>
    /// Weight averaging (EMA, SWA) built for the run's settings: the Trainer validates the average each epoch (so the
    /// validation curve is the average's) and the trained model is the average. Single networks only.
    /// </summary>
    public Func<ExperimentSettings, WeightAveraging>? Averaging { get; init; }

    /// <summary>Wraps the network's optimizer (sharpness-aware minimization); single networks only.</summary>
    public Func<optim.Optimizer, optim.Optimizer>? Optimizer { get; init; }

    /// <summary>Bagging: this many members, each trained on a bootstrap sample; 0 trains one network.</summary>
    public int BaggingMembers { get; init; }

    /// <summary>How bagging members are combined.</summary>
    public EnsembleCombination Combination { get; init; } = EnsembleCombination.ArithmeticMean;

    /// <summary>
    /// <paramref name="network"/> (changed by <see cref="Network"/>) with this configuration's layers in place — input
    /// layer, hidden affine layers, the layer after each activation — which a <see cref="ModelSpec"/> cannot express
    /// (<see cref="ModelSpec.Build(Func{nn.Module{Tensor, Tensor}?}?, Func{long, long, nn.Module{Tensor, Tensor}}?, Func{nn.Module{Tensor, Tensor}}?)"/>,
    /// so the layer names are the spec's).
    /// </summary>
    public nn.Module<Tensor, Tensor> Build(ModelSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return (Network?.Invoke(network) ?? network).Build(HiddenDropout, HiddenLinear, InputLayer);
    }
}
