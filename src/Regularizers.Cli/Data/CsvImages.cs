using System.Globalization;

namespace Regularizers.Cli.Data;

/// <summary>
/// Reads a labelled CSV file: one example per line, comma-separated, the class index first, then the features; a first
/// line whose first field is not a number is a header. The labels must be the class indices 0..K−1 with every class
/// present and K ≤ <see cref="MaxClasses"/>: a mistyped label would otherwise add classes silently (one label of
/// 1000000 made a network with a million outputs). Features are divided by the feature scale the caller gives; with
/// none given they are used as they are, except that whole numbers above 1 and up to 255 (pixel bytes, Kaggle's MNIST
/// CSV layout) are refused until the caller says which it means: no scaling happens behind the user's back.
/// </summary>
internal static class CsvImages
{
    /// <summary>The most classes a CSV file may have.</summary>
    public const int MaxClasses = 1000;

    /// <summary>Loads the file, dividing every feature by <paramref name="featureScale"/> (null: not given).</summary>
    /// <exception cref="DataUnavailableException">
    /// The file is empty, ragged or not numeric (the message names the line), or holds pixel bytes and no scale was given.
    /// </exception>
    public static LabeledImages Load(string path, double? featureScale = null)
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
        var max = pixels.Max();
        if (featureScale is null && max > 1 && max <= 255 && pixels.All(p => p >= 0 && p == MathF.Floor(p)))
        {
            throw new DataUnavailableException(
                $"{path}: the features are whole numbers from {pixels.Min()} to {max}, like pixel bytes. Pass --feature-scale 255 to divide them by 255, or --feature-scale 1 to use them as they are.");
        }
        var scale = (float)(featureScale ?? 1);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] /= scale;
        }
        return new LabeledImages(pixels, labels.ToArray(), 1, width, classes);
    }
}
