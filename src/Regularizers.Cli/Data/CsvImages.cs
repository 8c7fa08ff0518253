using System.Globalization;

namespace Regularizers.Cli.Data;

/// <summary>
/// Reads a labelled CSV file: one example per line, the class index (0..K−1) first, then the features; a first line
/// that does not start with a number is a header. Features above 1 are read as 0–255 pixel bytes and scaled to [0, 1]
/// (Kaggle's MNIST CSV layout); otherwise they are used as they are.
/// </summary>
internal static class CsvImages
{
    /// <summary>Loads the file.</summary>
    /// <exception cref="DataUnavailableException">The file is empty, ragged or not numeric; the message names the line.</exception>
    public static LabeledImages Load(string path)
    {
        var labels = new List<int>();
        var features = new List<float>();
        var width = -1;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && !char.IsDigit(line[0])))
            {
                continue;
            }
            var fields = line.Split(',');
            if (width < 0)
            {
                width = fields.Length - 1;
            }
            if (fields.Length - 1 != width || width < 1)
            {
                throw new DataUnavailableException($"{path}, line {lineNumber}: expected a label and {width} features, found {fields.Length} fields.");
            }
            labels.Add(int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) && label >= 0
                ? label
                : throw new DataUnavailableException($"{path}, line {lineNumber}: the label '{fields[0]}' is not a class index (0, 1, 2, …)."));
            for (var i = 1; i < fields.Length; i++)
            {
                features.Add(float.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
                    ? value
                    : throw new DataUnavailableException($"{path}, line {lineNumber}: feature {i} ('{fields[i]}') is not a finite number."));
            }
        }
        if (labels.Count == 0)
        {
            throw new DataUnavailableException($"{path} holds no examples.");
        }
        var pixels = features.ToArray();
        if (pixels.Max() > 1)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] /= 255f;
            }
        }
        return new LabeledImages(pixels, labels.ToArray(), 1, width, labels.Max() + 1);
    }
}
