using System.Globalization;

namespace Regularizers.Torch;

/// <summary>Eager hyperparameter checks with messages that name the argument, its value and what is allowed.</summary>
internal static class Argument
{
    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Requires a finite value ≥ 0.</summary>
    public static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than or equal to 0. Received: {name}={Show(value)}.");

    /// <summary>Requires a finite value &gt; 0.</summary>
    public static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than 0. Received: {name}={Show(value)}.");

    /// <summary>Requires a probability in [0, 1) (a drop probability of 1 would zero every unit).</summary>
    public static double Probability(double value, string name) =>
        value >= 0 && value < 1 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in the range [0, 1). Received: {name}={Show(value)}.");

    /// <summary>Requires a finite value in [min, max].</summary>
    public static double InRange(double value, double min, double max, string name) =>
        double.IsFinite(value) && value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in the range [{Show(min)}, {Show(max)}]. Received: {name}={Show(value)}.");
}
