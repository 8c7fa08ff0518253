using System.Globalization;

namespace Regularizers.Core.Sampling;

/// <summary>
/// Draws the training rows (and optionally the features) of a bagging ensemble member: <c>m = max(1, round(f·n))</c>
/// of n rows (f = <see cref="SampleFraction"/>, halves rounded away from 0), with or without replacement, and
/// <see cref="MaxFeatures"/> of the d features without replacement. With replacement and f = 1 this is the classic
/// bootstrap, which leaves a row out with probability <c>(1 − 1/n)^n ≈ 1/e</c>, so about 63.2% of the rows are in bag.
/// </summary>
/// <remarks>All draws come from the given <see cref="Random"/>, rows first, so a seeded generator gives the same sample.</remarks>
public sealed class BootstrapSampler
{
    /// <summary>Creates the sampler.</summary>
    /// <param name="sampleFraction">
    /// f, the number of drawn rows as a fraction of n: a finite number &gt; 0 with replacement, in (0, 1] without.
    /// </param>
    /// <param name="withReplacement">Whether a row can be drawn more than once (the bootstrap).</param>
    /// <param name="maxFeatures">How many features to draw; <see cref="MaxFeatures.All"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleFraction"/> is outside its range.</exception>
    public BootstrapSampler(double sampleFraction = 1, bool withReplacement = true, MaxFeatures? maxFeatures = null)
    {
        SampleFraction = withReplacement
            ? Guard.Positive(sampleFraction)
            : double.IsFinite(sampleFraction) && sampleFraction > 0 && sampleFraction <= 1
                ? sampleFraction
                : throw Guard.OutOfRange(sampleFraction, "a finite number in the range (0, 1] when sampling without replacement", nameof(sampleFraction));
        WithReplacement = withReplacement;
        MaxFeatures = maxFeatures ?? MaxFeatures.All;
    }

    /// <summary>f, the number of drawn rows as a fraction of the row count.</summary>
    public double SampleFraction { get; }

    /// <summary>Whether a row can be drawn more than once.</summary>
    public bool WithReplacement { get; }

    /// <summary>How many features to draw.</summary>
    public MaxFeatures MaxFeatures { get; }

    /// <summary>The number of rows drawn out of <paramref name="rowCount"/>: <c>max(1, round(f·n))</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowCount"/> is less than 1.</exception>
    public int SampleSize(int rowCount)
    {
        Guard.AtLeast(rowCount, 1);
        var size = Math.Round(SampleFraction * rowCount, MidpointRounding.AwayFromZero);
        return size <= int.MaxValue
            ? Math.Max(1, (int)size)
            : throw Guard.OutOfRange(rowCount, string.Create(CultureInfo.InvariantCulture, $"small enough that {SampleFraction:R}·rowCount fits an int"), nameof(rowCount));
    }

    /// <summary>Draws one member's rows and, when <paramref name="featureCount"/> &gt; 0, its features.</summary>
    /// <param name="rowCount">n, the number of training rows; at least 1.</param>
    /// <param name="random">The generator; pass <c>new Random(seed)</c> for a reproducible sample.</param>
    /// <param name="featureCount">d, the number of features; 0 draws none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside its range.</exception>
    public BootstrapSample Sample(int rowCount, Random random, int featureCount = 0)
    {
        ArgumentNullException.ThrowIfNull(random);
        var size = SampleSize(rowCount);
        var features = MaxFeatures.Resolve(featureCount);
        int[] inBag;
        if (WithReplacement)
        {
            inBag = new int[size];
            for (var i = 0; i < size; i++)
            {
                inBag[i] = random.Next(rowCount);
            }
        }
        else
        {
            inBag = Draw(rowCount, size, random);
        }
        var drawn = new bool[rowCount];
        foreach (var row in inBag)
        {
            drawn[row] = true;
        }
        var outOfBag = Enumerable.Range(0, rowCount).Where(row => !drawn[row]).ToArray();
        var featureIndices = Draw(featureCount, features, random);
        Array.Sort(featureIndices);
        return new BootstrapSample(inBag, outOfBag, featureIndices);
    }

    /// <summary>The first <paramref name="count"/> steps of a Fisher–Yates shuffle of 0..n−1: a uniform draw without replacement.</summary>
    private static int[] Draw(int n, int count, Random random)
    {
        var items = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, n);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items[..count];
    }
}
