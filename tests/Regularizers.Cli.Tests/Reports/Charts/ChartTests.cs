using System.Text.RegularExpressions;
using Regularizers.Cli.Reports.Charts;

namespace Regularizers.Cli.Tests.Reports.Charts;

public class ChartTests
{
    private static Chart Lines() =>
        new LineChart("epoch", "loss").Add(new Series("a", [1.0, 2.0, 3.0], [3.0, 2.0, 1.5], [2.5, 1.8, 1.2], [3.5, 2.2, 1.7])).Build(400, 300);

    [Fact]
    public void Svg_TwoChartsOnOnePage_EveryIdAndReferenceCarriesItsChartsPrefix()
    {
        var first = Lines().Svg("first");
        var second = Lines().Svg("second");

        foreach (var (svg, prefix) in new[] { (first, "first"), (second, "second") })
        {
            Assert.StartsWith($"<svg id=\"{prefix}\" ", svg, StringComparison.Ordinal);
            var ids = Regex.Matches(svg, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            var references = Regex.Matches(svg, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(references);
            Assert.All(ids, id => Assert.StartsWith(prefix, id, StringComparison.Ordinal));
            Assert.All(references, r => Assert.Contains(r, ids));
        }
    }

    [Fact]
    public void Png_Lines_IsAPngOfTheRequestedSize()
    {
        var png = Lines().Png();

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // The IHDR chunk holds the width and height as big-endian 32-bit integers at bytes 16 and 20.
        Assert.Equal(400, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(300, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void Constructor_TinyWidth_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Chart(new ScottPlot.Plot(), 10, 300));

        Assert.Equal("width", error.ParamName);
    }
}
