using System.Globalization;

namespace Regularizers.Core.Sampling;

/// <summary>
/// How many features each ensemble member sees, as scikit-learn's <c>max_features</c>: all of them, a fraction
/// (<c>max(1, ⌊fraction·d⌋)</c> of d features) or a fixed count. Features are drawn without replacement.
/// </summary>
public sealed class MaxFeatures
{
    private readonly double fraction;
    private readonly int count;

    private MaxFeatures(double fraction, int count)
    {
        this.fraction = fraction;
        this.count = count;
    }

    /// <summary>Every feature.</summary>
    public static MaxFeatures All { get; } = new(1, 0);

    /// <summary><c>max(1, ⌊fraction·d⌋)</c> of d features.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not in (0, 1].</exception>
    public static MaxFeatures Fraction(double fraction) => new(Guard.InRange(fraction, 0, false, 1, true), 0);

    /// <summary>Exactly <paramref name="count"/> features.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static MaxFeatures Count(int count) => new(0, Guard.AtLeast(count, 1));

    /// <summary>The number of features to draw out of <paramref name="featureCount"/> (0 when there are none).</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="featureCount"/> is negative, or a fixed count exceeds it.
    /// </exception>
    public int Resolve(int featureCount)
    {
        Guard.AtLeast(featureCount, 0);
        if (count > featureCount)
        {
            throw Guard.OutOfRange(
                featureCount,
                string.Create(CultureInfo.InvariantCulture, $"at least the {count} features that maxFeatures asks for"),
                nameof(featureCount));
        }
        return count > 0 ? count : featureCount == 0 ? 0 : Math.Max(1, (int)(fraction * featureCount));
    }

    /// <summary>Describes the setting, e.g. <c>Fraction(0.5)</c>.</summary>
    public override string ToString() =>
        count > 0 ? string.Create(CultureInfo.InvariantCulture, $"Count({count})")
        : fraction == 1 ? "All"
        : string.Create(CultureInfo.InvariantCulture, $"Fraction({fraction:R})");
}
