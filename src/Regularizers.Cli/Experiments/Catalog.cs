using Regularizers.Core.Ensembles;
using Regularizers.Core.Schedules;
using Regularizers.Core.Stopping;
using Regularizers.Torch;
using Regularizers.Torch.Adversarial;
using Regularizers.Torch.Augmentation;
using static TorchSharp.torch;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Models;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Optimizers;
using Regularizers.Torch.Penalties;
using Regularizers.Torch.Training;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// The configurations <c>compare</c> knows, one line each: adding a regularizer to the comparison adds a line here.
/// Dropout rates are drop probabilities (input 0.2, hidden 0.5: Srivastava et al.'s keep rates 0.8 and 0.5).
/// </summary>
internal static class Catalog
{
    /// <summary>The baseline every other row is compared with.</summary>
    public static Configuration None { get; } = new("none", "no regularization");

    /// <summary>Every regularizer of the library, with hyperparameters sized for the default preset.</summary>
    public static IReadOnlyList<Configuration> Default { get; } =
    [
        None,
        new("l2", "L2 penalty (λ/2)·Σw², λ = 1e-3, weights only") { Regularization = () => InPlace(new L2Penalty(1e-3)) },
        new("l1", "L1 penalty λ·Σ|w|, λ = 3e-4, weights only") { Regularization = () => InPlace(new L1Penalty(3e-4)) },
        new("elastic-net", "λ₁·Σ|w| + (λ₂/2)·Σw², λ₁ = 1e-4, λ₂ = 1e-3") { Regularization = () => InPlace(new ElasticNetPenalty(1e-4, 1e-3)) },
        new("inverted-dropout", "inverted dropout, p = 0.2 on the input, 0.5 after each hidden layer")
            { InputLayer = () => new InvertedDropout(0.2), HiddenDropout = () => new InvertedDropout(0.5) },
        new("classic-dropout", "classic dropout (eval scales by 1 − p), p = 0.2 input, 0.5 hidden")
            { InputLayer = () => new ClassicDropout(0.2), HiddenDropout = () => new ClassicDropout(0.5) },
        new("gaussian-dropout", "multiplicative N(1, p/(1 − p)) noise, p = 0.5 after each hidden layer")
            { HiddenDropout = () => new GaussianDropout(0.5) },
        new("label-smoothing", "label smoothing ε = 0.1, uniform: (1 − ε)·onehot + ε/K")
            { Loss = () => new LabelSmoothingCrossEntropy(0.1) },
        new("label-smoothing-others", "label smoothing ε = 0.1, other classes: 1 − ε correct, ε/(K − 1) elsewhere")
            { Loss = () => new LabelSmoothingCrossEntropy(0.1, LabelSmoothing.OtherClasses) },
        new("max-norm-dropout", "max-norm c = 2 with inverted dropout 0.2/0.5 (Srivastava et al. 2014)")
            { InputLayer = () => new InvertedDropout(0.2), HiddenDropout = () => new InvertedDropout(0.5), Regularization = () => new() { new MaxNorm(2.0) } },
        new("input-noise", "additive Gaussian noise σ = 0.2 on the input") { InputLayer = () => new GaussianNoise(0.2) },
        new("weight-noise", "N(0, σ²) on the hidden layers' weights per forward pass, σ = 0.01")
            { HiddenLinear = (i, o) => new WeightNoise(nn.Linear(i, o), 0.01) },
        new("dropconnect", "DropConnect p = 0.5 on the hidden layers' weights (Wan et al. 2013)")
            { HiddenLinear = (i, o) => new DropConnectLinear(i, o, 0.5) },
        new("early-stopping", "stop after 3 epochs without a lower validation loss; restore the best")
            { EarlyStopping = () => new Patience(3) },
        new("early-stopping-gl", "Prechelt's GL₅: stop when validation loss is 5% above its minimum; restore the best")
            { EarlyStopping = () => new GeneralizationLoss(5) },
        new("bagging", "5 networks on bootstrap samples, probabilities averaged") { BaggingMembers = 5 },
        new("ema", "exponential moving average of the weights, d = 0.99 with timm's warm-up, after every step")
            { Averaging = _ => new ExponentialMovingAverage(0.99, warmup: true) },
        new("swa", "stochastic weight averaging of each epoch's weights from epoch ⌊2E/3⌋ + 1; lr annealed to 0.02 over 3 epochs (cosine)")
            { Averaging = s => new StochasticWeightAveraging((s.Epochs * 2 / 3) + 1, learningRate: 0.02, annealEpochs: 3) },
        new("sam", "sharpness-aware minimization, ρ = 0.05, around the network's optimizer (two passes per step)")
            { Optimizer = o => new SharpnessAwareMinimization(o, 0.05) },
        new("r-drop", "R-Drop α = 1: two passes with inverted dropout 0.2/0.5, mean CE + α·symmetric KL (Liang et al. 2021)")
            { InputLayer = () => new InvertedDropout(0.2), HiddenDropout = () => new InvertedDropout(0.5), ModelLoss = () => new RDropLoss(1) },
        new("confidence-penalty", "confidence penalty β = 0.1: CE − β·H(p) (Pereyra et al. 2017)") { Loss = () => new ConfidencePenalty(0.1) },
        new("dropout-schedule", "inverted dropout annealed linearly from 0 to 0.2 (input) and 0.5 (hidden) over the first 10 epochs")
        {
            InputLayer = () => new InvertedDropout(Schedule.Linear(0, 0.2, 10)),
            HiddenDropout = () => new InvertedDropout(Schedule.Linear(0, 0.5, 10)),
        },
        new("mixup", "MixUp, λ ~ Beta(0.2, 0.2) per example, soft targets (Zhang et al. 2018)")
            { BatchTransform = classes => new MixUp(classes, 0.2), Loss = () => new LabelSmoothingCrossEntropy(0) },
        new("fgsm-training", "adversarial training, 0.5·J(x) + 0.5·J(x + ε·sign ∇ₓJ), FGSM ε = 0.1 (Goodfellow et al. 2015)")
            { Adversarial = () => AdversarialTraining.Goodfellow(0.1) },
        new("pgd-training", "adversarial training on PGD examples only, ε = 0.1, 3 steps of 0.04, random start (Madry et al. 2018)")
            { Adversarial = () => AdversarialTraining.Madry(0.1, 0.04, 3) },
    ];

    /// <summary>
    /// <c>--model cnn</c>'s rows: the default rows (they act on the input and the fully connected head) and structured
    /// dropout in the residual blocks.
    /// </summary>
    public static IReadOnlyList<Configuration> Convolutional { get; } =
    [
        .. Default,
        new("drop-path", "stochastic depth: each residual branch dropped per example, p = 0.1·l/L up to 0.1 (Huang et al. 2016)")
            { Network = n => n with { DropPathRate = 0.1 } },
        new("drop-block", "DropBlock p = 0.1, 3×3 blocks in every residual branch (Ghiasi et al. 2018)")
            { Network = n => n with { DropBlockRate = 0.1, DropBlockSize = 3 } },
    ];

    /// <summary>Seed 004's four rows with its hyperparameters (its L2 λ = 0.01 and dropout 0.5; 3 bagged networks, hard vote).</summary>
    public static IReadOnlyList<Configuration> Seed004 { get; } =
    [
        None,
        new("l2", "L2 penalty (λ/2)·Σw², λ = 0.01 (seed 004's l2(lambd=0.01))") { Regularization = () => InPlace(new L2Penalty(0.01)) },
        new("bagging", "3 networks on bootstrap samples, hard vote (seed 004)")
            { BaggingMembers = 3, Combination = EnsembleCombination.HardVote },
        new("inverted-dropout", "inverted dropout p = 0.5 after the hidden layer (seed 004's keep ratio 0.5)")
            { HiddenDropout = () => new InvertedDropout(0.5) },
    ];

    /// <summary>
    /// A regularization whose weight penalty adds its gradient in place (the Trainer calls AfterBackward): the
    /// gradients autograd would give, for less work per step.
    /// </summary>
    public static Regularization InPlace(IWeightPenalty penalty) => new(PenaltyGradients.InPlace) { penalty };

    /// <summary>Finds a configuration of a preset for a network of <paramref name="architecture"/>, or a point of a sweep (<c>l2@0.0001</c>), by name; null when there is none.</summary>
    public static Configuration? Find(string preset, string name, Architecture architecture = Architecture.MultilayerPerceptron) =>
        Presets.Configurations(preset, architecture).FirstOrDefault(c => c.Name == name) ?? Sweep.Find(name);
}
