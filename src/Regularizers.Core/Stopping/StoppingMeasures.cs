namespace Regularizers.Core.Stopping;

/// <summary>
/// The quantities of Prechelt (1998), "Early Stopping — But When?", as pure functions of the error histories,
/// for plotting and for the criteria <see cref="GeneralizationLoss"/>, <see cref="ProgressQuotient"/> and
/// <see cref="UpStrips"/>. Epochs are 1-based: index 0 of a history holds epoch 1.
/// </summary>
/// <remarks>
/// Errors must be ≥ 0 (the measures are ratios). A NaN error marks a diverged run and is treated as +∞.
/// </remarks>
public static class StoppingMeasures
{
    /// <summary>
    /// The generalization loss in percent, <c>GL(t) = 100·(E_va(t) / E_opt(t) − 1)</c> with
    /// <c>E_opt(t) = min_{t' ≤ t} E_va(t')</c>.
    /// </summary>
    /// <remarks>
    /// Division by a zero <c>E_opt</c> is settled by continuity: GL is 0 when <c>E_va(t) = 0</c> too and +∞ otherwise.
    /// A NaN or +∞ <c>E_va(t)</c> gives +∞.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is not in 1..Count.</exception>
    /// <exception cref="ArgumentException">An error up to <paramref name="epoch"/> is negative.</exception>
    public static double GeneralizationLoss(IReadOnlyList<double> validationErrors, int epoch)
    {
        CheckEpoch(validationErrors, epoch, 1);
        StoppingChecks.RequireNonNegative(validationErrors, 0, epoch, nameof(validationErrors));
        var current = StoppingChecks.Diverged(validationErrors[epoch - 1]);
        if (double.IsPositiveInfinity(current))
        {
            return double.PositiveInfinity;
        }
        var optimum = current;
        for (var i = 0; i < epoch - 1; i++)
        {
            optimum = Math.Min(optimum, StoppingChecks.Diverged(validationErrors[i]));
        }
        if (optimum == 0)
        {
            return current == 0 ? 0 : double.PositiveInfinity;
        }
        return 100 * ((current / optimum) - 1);
    }

    /// <summary>
    /// The training progress in per mille over the strip of <paramref name="stripLength"/> = k epochs ending at
    /// <paramref name="epoch"/> = t:
    /// <c>P_k(t) = 1000·(Σ_{t'=t−k+1..t} E_tr(t') / (k·min_{t'=t−k+1..t} E_tr(t')) − 1)</c>.
    /// It is ≥ 0, large while training is unstable and 0 when the training error did not change within the strip.
    /// </summary>
    /// <remarks>
    /// Division by a zero minimum is settled by continuity: P is 0 when the whole strip is 0 and +∞ otherwise.
    /// A strip that contains a NaN or +∞ error gives +∞.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="stripLength"/> is less than 1, or <paramref name="epoch"/> is not in k..Count.
    /// </exception>
    /// <exception cref="ArgumentException">An error in the strip is negative.</exception>
    public static double TrainingProgress(IReadOnlyList<double> trainingErrors, int epoch, int stripLength)
    {
        Guard.AtLeast(stripLength, 1);
        CheckEpoch(trainingErrors, epoch, stripLength);
        StoppingChecks.RequireNonNegative(trainingErrors, epoch - stripLength, epoch, nameof(trainingErrors));
        double sum = 0, minimum = double.PositiveInfinity;
        for (var i = epoch - stripLength; i < epoch; i++)
        {
            var error = StoppingChecks.Diverged(trainingErrors[i]);
            sum += error;
            minimum = Math.Min(minimum, error);
        }
        if (sum == 0)
        {
            return 0;
        }
        if (minimum == 0 || double.IsPositiveInfinity(sum))
        {
            return double.PositiveInfinity;
        }
        return 1000 * ((sum / (stripLength * minimum)) - 1);
    }

    private static void CheckEpoch(IReadOnlyList<double> errors, int epoch, int first)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (epoch < first || epoch > errors.Count)
        {
            throw Guard.OutOfRange(
                epoch,
                StoppingChecks.Invariant($"an epoch of the history, in the range [{first}, {errors.Count}]"),
                nameof(epoch));
        }
    }
}
