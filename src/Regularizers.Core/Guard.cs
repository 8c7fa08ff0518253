using System.Globalization;
using System.Runtime.CompilerServices;

namespace Regularizers.Core;

/// <summary>
/// Eager argument checks shared by every project. Each check returns the value it accepted, so it can be used in
/// an assignment, and otherwise throws <see cref="ArgumentOutOfRangeException"/> with a Keras-style message that
/// names the argument, what is allowed and what was received, e.g.
/// <c>alpha must be a finite number greater than 0. Received: alpha=-1.</c>
/// NaN and ±∞ are rejected explicitly by every check on <see cref="double"/>.
/// </summary>
/// <remarks>
/// The argument name defaults to the caller's expression (<see cref="CallerArgumentExpressionAttribute"/>), so
/// <c>Guard.Positive(alpha)</c> reports <c>alpha</c>. Numbers are printed with the invariant culture and round-trip
/// precision.
/// </remarks>
public static class Guard
{
    /// <summary>Requires a finite number (not NaN, not ±∞).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        double.IsFinite(value) ? value : throw OutOfRange(value, "a finite number", name);

    /// <summary>Requires a finite number &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite or not &gt; 0.</exception>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        double.IsFinite(value) && value > 0 ? value : throw OutOfRange(value, "a finite number greater than 0", name);

    /// <summary>Requires a finite number ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite or is negative.</exception>
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw OutOfRange(value, "a finite number greater than or equal to 0", name);

    /// <summary>
    /// Requires a finite number in the interval from <paramref name="min"/> to <paramref name="max"/>, each end
    /// included or excluded as told; the message writes the interval in bracket notation, e.g. <c>(0, 1]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite or outside the interval.</exception>
    public static double InRange(
        double value,
        double min,
        bool minInclusive,
        double max,
        bool maxInclusive,
        [CallerArgumentExpression(nameof(value))] string name = "")
    {
        var aboveMin = minInclusive ? value >= min : value > min;
        var belowMax = maxInclusive ? value <= max : value < max;
        if (double.IsFinite(value) && aboveMin && belowMax)
        {
            return value;
        }
        var interval = string.Create(
            CultureInfo.InvariantCulture,
            $"{(minInclusive ? '[' : '(')}{Show(min)}, {Show(max)}{(maxInclusive ? ']' : ')')}");
        throw OutOfRange(value, $"a finite number in the range {interval}", name);
    }

    /// <summary>
    /// Requires a range <c>(Min, Max)</c> of finite numbers with <c>Min ≤ Max</c>, both in the closed interval from
    /// <paramref name="lowest"/> to <paramref name="highest"/>, e.g.
    /// <c>scale must be a range (min, max) of finite numbers with 0 &lt;= min &lt;= max &lt;= 10. Received: scale=(2, 1).</c>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An end is not finite, the range is empty or reaches outside the bounds.</exception>
    public static (double Min, double Max) Range(
        (double Min, double Max) value,
        double lowest,
        double highest,
        [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (double.IsFinite(value.Min) && double.IsFinite(value.Max) && lowest <= value.Min && value.Min <= value.Max && value.Max <= highest)
        {
            return value;
        }
        var requirement = string.Create(
            CultureInfo.InvariantCulture,
            $"a range (min, max) of finite numbers with {Show(lowest)} <= min <= max <= {Show(highest)}");
        throw OutOfRange(string.Create(CultureInfo.InvariantCulture, $"({Show(value.Min)}, {Show(value.Max)})"), requirement, name);
    }

    /// <summary>Requires an integer ≥ <paramref name="min"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is less than <paramref name="min"/>.</exception>
    public static int AtLeast(int value, int min, [CallerArgumentExpression(nameof(value))] string name = "") =>
        value >= min
            ? value
            : throw OutOfRange(value, string.Create(CultureInfo.InvariantCulture, $"an integer greater than or equal to {min}"), name);

    /// <summary>Requires a named member of <typeparamref name="TEnum"/>, e.g. <c>mode must be Min or Max.</c></summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined member.</exception>
    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string name = "")
        where TEnum : struct, Enum
    {
        if (Enum.IsDefined(value))
        {
            return value;
        }
        var names = Enum.GetNames<TEnum>();
        var choices = names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
        throw new ArgumentOutOfRangeException(name, value, $"{name} must be {choices}. Received: {name}={value:D}.");
    }

    /// <summary>
    /// Builds the exception the checks throw, for rules they do not cover:
    /// <c>{name} must be {requirement}. Received: {name}={value}.</c>
    /// </summary>
    public static ArgumentOutOfRangeException OutOfRange(object? value, string requirement, string name) =>
        new(name, value, $"{name} must be {requirement}. Received: {name}={Show(value)}.");

    /// <summary>Formats a received value the way the messages print it: invariant culture, round-trip precision.</summary>
    public static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
