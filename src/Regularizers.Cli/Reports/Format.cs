using System.Globalization;
using Regularizers.Cli.Statistics;

namespace Regularizers.Cli.Reports;

/// <summary>How numbers appear in the table and the HTML report (invariant culture, fixed decimals).</summary>
internal static class Format
{
    /// <summary>An accuracy or loss with four decimals, e.g. <c>0.8961</c>.</summary>
    public static string Value(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>A signed difference with four decimals, e.g. <c>+0.0123</c>.</summary>
    public static string Signed(double value) => value.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture);

    /// <summary>Seconds with one decimal.</summary>
    public static string Seconds(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>A norm with two decimals.</summary>
    public static string Norm(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal, e.g. <c>12.5%</c>.</summary>
    public static string Percent(double value) => (100 * value).ToString("F1", CultureInfo.InvariantCulture) + "%";

    /// <summary>Epochs: an integer, or a mean with one decimal when the seeds differ.</summary>
    public static string Epochs(double value) =>
        value == Math.Floor(value) ? ((int)value).ToString(CultureInfo.InvariantCulture) : value.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>A difference to the baseline: <c>+0.0123 ± 0.0040</c>, <c>+0.0123 (1 seed)</c>, or <c>baseline</c>.</summary>
    public static string Delta(ConfidenceInterval? delta) => delta switch
    {
        null => "baseline",
        { HalfWidth: var h } d when double.IsNaN(h) => $"{Signed(d.Center)} (1 seed)",
        { } d => $"{Signed(d.Center)} ± {d.HalfWidth.ToString("F4", CultureInfo.InvariantCulture)}",
    };
}
