namespace Regularizers.Cli.Experiments;

/// <summary>What <see cref="TrainedModel.Score"/> measured on one data set.</summary>
/// <param name="Loss">Mean cross-entropy of the combined probabilities.</param>
/// <param name="Accuracy">Fraction of correct predictions.</param>
/// <param name="Predictions">The predicted class of each example.</param>
/// <param name="AccuracyBySize">Accuracy of the first k members combined, k = 1..members.</param>
internal sealed record ModelScore(double Loss, double Accuracy, IReadOnlyList<int> Predictions, IReadOnlyList<double> AccuracyBySize);
