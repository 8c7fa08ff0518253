using Microsoft.ML.Data;
using Regularizers.Cli.Data;

namespace Regularizers.ML.Tests;

/// <summary>A Fashion-MNIST image as an ML.NET row: 784 pixels and the class name.</summary>
public sealed class FashionRow
{
    [VectorType(784)]
    public float[] Pixels { get; set; } = [];

    public string Label { get; set; } = "";

    public bool IsFootwear { get; set; }

    public float Brightness { get; set; }
}

/// <summary>The prediction read back through CreateEnumerable or a PredictionEngine.</summary>
public sealed class FashionPrediction
{
    public float[] Score { get; set; } = [];

    public string PredictedName { get; set; } = "";
}

internal static class FashionRows
{
    private static readonly Lazy<(FashionRow[] Train, FashionRow[] Test)> Data = new(() =>
        (Rows(FashionMnist.LoadTrain().Take(3_000)), Rows(FashionMnist.LoadTest().Take(1_000))));

    public static FashionRow[] Train => Data.Value.Train;

    public static FashionRow[] Test => Data.Value.Test;

    private static FashionRow[] Rows(LabeledImages images) => Enumerable.Range(0, images.Count).Select(i =>
    {
        var pixels = images.Pixels.AsSpan(i * 784, 784).ToArray();
        var label = images.Labels[i];
        // Sandal (5), sneaker (7) and ankle boot (9) are footwear.
        return new FashionRow { Pixels = pixels, Label = FashionMnist.ClassNames[label], IsFootwear = label is 5 or 7 or 9, Brightness = pixels.Average() * 10 };
    }).ToArray();
}
