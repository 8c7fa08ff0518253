using System.Globalization;
using System.Text.RegularExpressions;

namespace Regularizers.Notebooks.Tests;

/// <summary>Reads numbers back from what a notebook printed, failing with the whole output when a pattern is missing.</summary>
internal static class PrintedValues
{
    /// <summary>Group 1 of the first match of <paramref name="pattern"/>, as a number.</summary>
    public static double Number(NotebookRun run, string pattern) => Parse(First(run, pattern).Groups[1].Value);

    /// <summary>Group 1 of every match of <paramref name="pattern"/>, as numbers, in order.</summary>
    public static IReadOnlyList<double> Numbers(NotebookRun run, string pattern)
    {
        var matches = Regex.Matches(run.Text, pattern);
        Assert.True(matches.Count > 0, $"The notebook's output has no match for /{pattern}/. Output:\n{run.Text}");
        return matches.Select(m => Parse(m.Groups[1].Value)).ToList();
    }

    /// <summary>Group 1 of the first match of <paramref name="pattern"/>, a list printed as "[a, b, …]", as numbers.</summary>
    public static double[] Vector(NotebookRun run, string pattern) =>
        First(run, pattern).Groups[1].Value.Trim('[', ']').Split(", ").Select(Parse).ToArray();

    /// <summary>Groups 1, 2, … of the first match of <paramref name="pattern"/>, as printed.</summary>
    public static string[] Groups(NotebookRun run, string pattern) =>
        First(run, pattern).Groups.Cast<Group>().Skip(1).Select(g => g.Value).ToArray();

    /// <summary>The PNG images a code cell (1-based) displayed, decoded.</summary>
    public static IReadOnlyList<byte[]> Images(NotebookRun run, int cell) =>
        run.Cells[cell - 1].Outputs.OfType<DisplayOutput>()
            .Where(d => d.Data.ContainsKey("image/png"))
            .Select(d => Convert.FromBase64String(d.Data["image/png"]))
            .ToList();

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        return (BigEndian(png, 16), BigEndian(png, 20));
    }

    private static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

    private static Match First(NotebookRun run, string pattern)
    {
        var match = Regex.Match(run.Text, pattern);
        Assert.True(match.Success, $"The notebook's output has no match for /{pattern}/. Output:\n{run.Text}");
        return match;
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
