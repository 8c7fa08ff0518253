using System.Globalization;

namespace Regularizers.Cli.Data;

/// <summary>
/// Reads a labelled CSV file: one example per line, comma-separated, the class index first, then the features; a first
/// line whose first field is not a number is a header. The labels must be the class indices 0..K−1 with every class
/// present and K ≤ <see cref="MaxClasses"/>: a mistyped label would otherwise add classes silently (one label of
/// 1000000 made a network with a million outputs). Features above 1 are read as 0–255 pixel bytes and scaled to [0, 1]
/// (Kaggle's MNIST CSV layout); otherwise they are used as they are.
/// </summary>
internal static class CsvImages
{
    /// <summary>The most classes a CSV file may have.</summary>
    public const int MaxClasses = 1000;

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
            var fields = line.Split(',');
            if (fields.Length == 1 && (line.Contains(';', StringComparison.Ordinal) || line.Contains('\t', StringComparison.Ordinal)))
            {
                throw new DataUnavailableException($"{path}, line {lineNumber}: fields must be separated by commas; this line uses {(line.Contains(';', StringComparison.Ordinal) ? "semicolons" : "tabs")}.");
            }
            if (line.Length == 0 || (lineNumber == 1 && !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                continue;
            }
            if (width < 0)
            {
                width = fields.Length - 1;
            }
            if (fields.Length - 1 != width || width < 1)
            {
                throw new DataUnavailableException($"{path}, line {lineNumber}: expected a label and {width} features, found {fields.Length} fields.");
            }
            labels.Add(int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) && label >= 0
                ? label < MaxClasses
                    ? label
                    : throw new DataUnavailableException($"{path}, line {lineNumber}: the label {label} is not below {MaxClasses}, the most classes a CSV file may have (a mistyped label?).")
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
        var classes = labels.Max() + 1;
        var missing = Enumerable.Range(0, classes).Except(labels).ToList();
        if (missing.Count > 0)
        {
            throw new DataUnavailableException(
                $"{path}: the labels must be the class indices 0..K−1 with every class present, but {classes} classes leave {missing.Count} without an example: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}. Renumber the classes from 0.");
        }
        var pixels = features.ToArray();
        if (pixels.Max() > 1)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] /= 255f;
            }
        }
        return new LabeledImages(pixels, labels.ToArray(), 1, width, classes);
    }
}
