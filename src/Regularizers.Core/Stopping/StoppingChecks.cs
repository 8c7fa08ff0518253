using System.Globalization;

namespace Regularizers.Core.Stopping;

/// <summary>Input checks and number formatting shared by the stopping criteria.</summary>
internal static class StoppingChecks
{
    /// <summary>Validates the pair of histories and returns t, the epoch being decided.</summary>
    public static int CheckedEpochCount(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        ArgumentNullException.ThrowIfNull(trainingErrors);
        ArgumentNullException.ThrowIfNull(validationErrors);
        if (trainingErrors.Count != validationErrors.Count)
        {
            throw new ArgumentException(
                Invariant($"validationErrors must hold one value per epoch, like trainingErrors. Received: trainingErrors.Count={trainingErrors.Count}, validationErrors.Count={validationErrors.Count}."),
                nameof(validationErrors));
        }
        return trainingErrors.Count;
    }

    /// <summary>Prechelt's ratios are only meaningful for errors ≥ 0; NaN and +∞ are allowed (a diverged run).</summary>
    public static void RequireNonNegative(IReadOnlyList<double> errors, int from, int to, string name)
    {
        for (var i = from; i < to; i++)
        {
            if (errors[i] < 0)
            {
                throw new ArgumentException(
                    Invariant($"{name} must hold errors greater than or equal to 0. Received: {name}[{i}]={Guard.Show(errors[i])}."),
                    name);
            }
        }
    }

    /// <summary>A NaN error means the run diverged; it compares as +∞ so that it is never the best and always worse.</summary>
    public static double Diverged(double error) => double.IsNaN(error) ? double.PositiveInfinity : error;

    /// <summary>Six significant digits: enough for a reason sentence, free of round-off noise such as 19.999999999999996.</summary>
    public static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string EpochsText(int count) => count == 1 ? "1 epoch" : Invariant($"{count} epochs");

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
