namespace Regularizers.Core.Stopping;

/// <summary>A guard that stops once <c>t ≥ maxEpochs</c>, to combine with the other criteria through <see cref="StoppingCriteria.Any"/>.</summary>
public sealed class MaxEpochs : IStoppingCriterion
{
    /// <summary>Creates the guard.</summary>
    /// <param name="maxEpochs">The last epoch to train; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxEpochs"/> is less than 1.</exception>
    public MaxEpochs(int maxEpochs) => Epochs = Guard.AtLeast(maxEpochs, 1);

    /// <summary>The last epoch to train.</summary>
    public int Epochs { get; }

    /// <inheritdoc/>
    public StopDecision Evaluate(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors) =>
        StoppingChecks.CheckedEpochCount(trainingErrors, validationErrors) >= Epochs
            ? StopDecision.Stop(StoppingChecks.Invariant($"reached the maximum of {StoppingChecks.EpochsText(Epochs)}"))
            : StopDecision.Continue;
}
