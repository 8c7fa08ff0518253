using Regularizers.Core.Ensembles;
using Regularizers.Core.Sampling;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Torch.Ensembles;

/// <summary>
/// Bagging (Breiman 1996; Goodfellow et al. §7.11): k members of the same architecture, each trained on its own bootstrap
/// sample of the rows (and optionally a subset of the features), combined by hard vote, arithmetic mean of probabilities or
/// renormalised geometric mean. The expected squared error of the mean of k members with error variance v and pairwise
/// covariance c is <c>v/k + (k−1)c/k</c> (see <see cref="EnsembleDiagnostics"/>): bagging helps as far as members err differently.
/// Members are created one after another with their own seeds (so initialisations do not depend on threads) and then
/// trained in parallel when <see cref="BaggingOptions.Parallel"/> is set — unless a member has a layer that draws random
/// numbers while training (dropout, noise), whose draws would depend on thread timing; those train one after another.
/// Parallel and sequential training therefore give identical members for the same seeds.
/// </summary>
public sealed class BaggingEnsemble : IDisposable
{
    private BaggingEnsemble(IReadOnlyList<BaggingMember> members, int classCount, EnsembleCombination combination)
    {
        Members = members;
        ClassCount = classCount;
        Combination = combination;
    }

    /// <summary>The trained members, in seed order.</summary>
    public IReadOnlyList<BaggingMember> Members { get; }

    /// <summary>K, the number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>How member probabilities are combined.</summary>
    public EnsembleCombination Combination { get; }

    /// <summary>Trains an ensemble on (<paramref name="x"/> [N, D] float, <paramref name="y"/> [N] class indices).</summary>
    /// <param name="createModel">Builds a fresh model for a given number of input features.</param>
    /// <param name="createOptimizer">Builds the optimizer for a model.</param>
    /// <param name="trainer">Per-member training options; their seed is replaced by the member's.</param>
    /// <param name="options">The ensemble's options.</param>
    /// <param name="x">Training inputs.</param>
    /// <param name="y">Training labels.</param>
    public static BaggingEnsemble Train(
        Func<int, nn.Module<Tensor, Tensor>> createModel, Func<nn.Module<Tensor, Tensor>, optim.Optimizer> createOptimizer,
        TrainerOptions trainer, BaggingOptions options, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        ArgumentNullException.ThrowIfNull(createOptimizer);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var classCount = checked((int)y.max().item<long>() + 1);
        var members = MemberTraining.Train(createModel, createOptimizer, trainer, options, x, y);
        return new BaggingEnsemble(members, classCount, options.Combination);
    }

    /// <summary>Each member's class probabilities for <paramref name="x"/>, as row-major [N·K] arrays.</summary>
    public IReadOnlyList<float[]> MemberProbabilities(Tensor x) =>
        Members.Select(m =>
        {
            using var scope = NewDisposeScope();
            return m.PredictProbabilities(x).cpu().contiguous().data<float>().ToArray();
        }).ToList();

    /// <summary>The combined class probabilities [N, K] (for a hard vote: the fraction of members voting for each class).</summary>
    public Tensor PredictProbabilities(Tensor x)
    {
        var combined = EnsembleCombiner.Combine(MemberProbabilities(x), ClassCount, Combination);
        return tensor(combined, new long[] { x.shape[0], ClassCount });
    }

    /// <summary>The predicted class of each row.</summary>
    public int[] Predict(Tensor x) => EnsembleCombiner.Predict(MemberProbabilities(x), ClassCount, Combination);

    /// <summary>Accuracy of the ensemble of the first k members on (x, labels), for k = 1..K.</summary>
    public double[] AccuracyBySize(Tensor x, IReadOnlyList<int> labels) => EnsembleCombiner.AccuracyBySize(MemberProbabilities(x), ClassCount, labels, Combination);

    /// <summary>
    /// The out-of-bag accuracy: each training row is predicted by the members that did not see it (combined with
    /// <see cref="Combination"/>); rows every member saw are skipped. NaN when no row is out of bag.
    /// </summary>
    public double OutOfBagScore(Tensor x, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var probabilities = MemberProbabilities(x);
        return OutOfBag.Average(Members, labels.Count, (row, voters) =>
        {
            var rowProbabilities = voters.Select(i => probabilities[i].AsSpan(row * ClassCount, ClassCount).ToArray()).ToList();
            return EnsembleCombiner.Predict(rowProbabilities, ClassCount, Combination)[0] == labels[row] ? 1 : 0;
        });
    }

    /// <summary>
    /// The error decomposition of the members on held-out rows, with member i's error on row n taken as
    /// <c>p_i(y_n) − 1</c> (the shortfall of the probability given to the true class): mean member error variance v,
    /// mean pairwise covariance c, the predicted squared error of the averaged probability <c>v/k + (k−1)c/k</c> and the measured one.
    /// </summary>
    public ErrorDecomposition Diagnostics(Tensor x, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var probabilities = MemberProbabilities(x);
        var errors = probabilities.Select(p => labels.Select((label, row) => p[row * ClassCount + label] - 1.0).ToArray()).ToList();
        return EnsembleDiagnostics.Decompose(errors);
    }

    /// <summary>
    /// Saves the combination rule, every member's sample and its model's state to <paramref name="path"/>, atomically
    /// (a temporary file beside it is written, then renamed over it).
    /// </summary>
    /// <remarks>The file is a <see cref="Models.ModelFile"/> of kind <c>BaggingEnsemble</c>.</remarks>
    public void Save(string path) => EnsembleFile.Write(path, EnsembleFile.Classifier, Combination, ClassCount, Members);

    /// <summary>
    /// Loads an ensemble saved by <see cref="Save"/> (or by version 0.2.0); <paramref name="createModel"/> builds each
    /// member's architecture from its feature count. The members' training histories are not saved: they come back empty.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a saved classification ensemble, or it is of a newer format, truncated or corrupt.</exception>
    public static BaggingEnsemble Load(string path, Func<int, nn.Module<Tensor, Tensor>> createModel)
    {
        var (header, members) = EnsembleFile.Read(path, EnsembleFile.Classifier, createModel);
        return new BaggingEnsemble(members, header.ClassCount, header.Combination);
    }

    /// <summary>
    /// Wraps <paramref name="models"/>, trained elsewhere on all rows and all <paramref name="features"/> inputs, as an
    /// ensemble combined by <paramref name="combination"/> (one model is an ensemble of one). Their samples are unknown, so
    /// no row is out of bag (<see cref="OutOfBagScore"/> is NaN) and histories are empty. The ensemble owns the models.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">There are no models, or <paramref name="features"/> or <paramref name="classCount"/> is below 1.</exception>
    public static BaggingEnsemble FromModels(IReadOnlyList<nn.Module<Tensor, Tensor>> models, int features, int classCount, EnsembleCombination combination)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw Guard.OutOfRange(models.Count, "a list of at least one model", nameof(models));
        }
        Guard.AtLeast(features, 1);
        Guard.AtLeast(classCount, 1);
        Guard.Defined(combination);
        var allFeatures = Enumerable.Range(0, features).ToArray();
        var members = models.Select(m => new BaggingMember(m, new BootstrapSample([], [], allFeatures), new TrainingHistory())).ToList();
        return new BaggingEnsemble(members, classCount, combination);
    }

    /// <summary>Each member's accuracy on (x, labels), in member order.</summary>
    public double[] MemberAccuracies(Tensor x, IReadOnlyList<int> labels) =>
        MemberProbabilities(x).Select(p => EnsembleCombiner.AccuracyBySize([p], ClassCount, labels, EnsembleCombination.ArithmeticMean)[0]).ToArray();

    /// <summary>Disposes every member's model.</summary>
    public void Dispose()
    {
        foreach (var m in Members)
        {
            m.Dispose();
        }
    }
}
