using System.Text.RegularExpressions;

namespace Regularizers.Cli.Tests.Reports.Charts;

/// <summary>Reads what a chart's SVG shows: its text labels in document order, and how many elements of a kind it drew.</summary>
internal static partial class SvgText
{
    public static IReadOnlyList<string> Labels(string svg) =>
        TextElement().Matches(svg).Select(m => m.Groups[1].Value.Trim()).ToList();

    public static int Count(string svg, string element) => Regex.Count(svg, $"<{element}[ >/]");

    [GeneratedRegex(@"<text[^>]*>([^<]*)</text>")]
    private static partial Regex TextElement();
}
