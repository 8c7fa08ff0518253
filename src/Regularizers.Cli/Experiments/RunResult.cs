namespace Regularizers.Cli.Experiments;

/// <summary>What one configuration scored with one seed.</summary>
/// <param name="Configuration">The configuration's name.</param>
/// <param name="Seed">The seed (initial weights, batch order, bootstrap samples).</param>
/// <param name="TrainAccuracy">Accuracy on the training examples, in eval mode.</param>
/// <param name="TestAccuracy">Accuracy on the test set.</param>
/// <param name="TestLoss">Mean cross-entropy <c>−log p(y|x)</c> on the test set (unsmoothed, for every configuration).</param>
/// <param name="Epochs">Epochs run (fewer than the maximum when early stopping fired).</param>
/// <param name="Seconds">Wall time of training.</param>
/// <param name="WeightNorm">√(Σw²) over all weights (biases excluded), averaged over ensemble members.</param>
/// <param name="Sparsity">Fraction of weights with |w| &lt; <see cref="TrainedModel.NearZero"/>.</param>
/// <param name="TrainLoss">Training loss per epoch, as optimised (penalties and smoothing included); members averaged.</param>
/// <param name="ValidationLoss">Validation cross-entropy per epoch, in eval mode; members averaged.</param>
/// <param name="EnsembleAccuracyBySize">Test accuracy of the first k members, k = 1..members (one entry without bagging).</param>
/// <param name="StopReason">Why training stopped early, or null.</param>
internal sealed record RunResult(
    string Configuration,
    int Seed,
    double TrainAccuracy,
    double TestAccuracy,
    double TestLoss,
    int Epochs,
    double Seconds,
    double WeightNorm,
    double Sparsity,
    IReadOnlyList<double> TrainLoss,
    IReadOnlyList<double> ValidationLoss,
    IReadOnlyList<double> EnsembleAccuracyBySize,
    string? StopReason)
{
    /// <summary>
    /// The <see cref="Experiments.WeightMagnitudes"/> histogram of |w|, members averaged; null in results files written
    /// before it was recorded.
    /// </summary>
    public IReadOnlyList<double>? WeightMagnitudes { get; init; }

    /// <summary>Accuracy under FGSM and PGD at several ε (<see cref="RobustScore"/>); null for ensembles and in results files written before it was recorded.</summary>
    public RobustScore? Robust { get; init; }

    /// <summary>The generalization gap: training accuracy − test accuracy.</summary>
    public double Gap => TrainAccuracy - TestAccuracy;
}
