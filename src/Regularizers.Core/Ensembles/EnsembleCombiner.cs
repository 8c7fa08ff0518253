using System.Globalization;

namespace Regularizers.Core.Ensembles;

/// <summary>
/// Combines the class probabilities of k ensemble members into one prediction. Layout: each member is a row-major
/// <c>float[rows · classCount]</c>, row r holding <c>p_i(y | x_r)</c> at <c>[r·classCount + y]</c>; the combined
/// distribution has the same layout. Probabilities must be finite and ≥ 0; rows need not sum to 1.
/// </summary>
public static class EnsembleCombiner
{
    /// <summary>The combined class distribution of every row, computed in double precision.</summary>
    /// <remarks>
    /// <see cref="EnsembleCombination.GeometricMean"/> works in log space, <c>(1/k)·Σ_i log p_i(y)</c>, then
    /// renormalises over the classes. A zero probability is taken as the limit of clamping it at ε → 0: the classes
    /// that the fewest members give zero keep the geometric mean of their non-zero probabilities, the others get 0.
    /// So a class vetoed by one member is dropped unless every class is vetoed by at least as many members.
    /// </remarks>
    /// <exception cref="ArgumentException">The member arrays are missing, ragged or hold invalid probabilities.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> or <paramref name="combination"/> is invalid.</exception>
    public static float[] Combine(IReadOnlyList<float[]> memberProbabilities, int classCount, EnsembleCombination combination)
    {
        var rows = Validate(memberProbabilities, classCount);
        Guard.Defined(combination);
        var combined = new float[rows * classCount];
        var scores = new double[classCount];
        var zeros = new int[classCount];
        for (var r = 0; r < rows; r++)
        {
            Array.Clear(scores);
            Array.Clear(zeros);
            foreach (var member in memberProbabilities)
            {
                var row = member.AsSpan(r * classCount, classCount);
                switch (combination)
                {
                    case EnsembleCombination.HardVote:
                        scores[ArgMax(row)]++;
                        break;
                    case EnsembleCombination.ArithmeticMean:
                        for (var y = 0; y < classCount; y++)
                        {
                            scores[y] += row[y];
                        }
                        break;
                    case EnsembleCombination.GeometricMean:
                        for (var y = 0; y < classCount; y++)
                        {
                            if (row[y] == 0)
                            {
                                zeros[y]++;
                            }
                            else
                            {
                                scores[y] += Math.Log(row[y]);
                            }
                        }
                        break;
                }
            }
            var output = combined.AsSpan(r * classCount, classCount);
            if (combination == EnsembleCombination.GeometricMean)
            {
                GeometricMean(scores, zeros, memberProbabilities.Count, output);
            }
            else
            {
                for (var y = 0; y < classCount; y++)
                {
                    output[y] = (float)(scores[y] / memberProbabilities.Count);
                }
            }
        }
        return combined;
    }

    /// <summary>The predicted class of every row: the arg max of <see cref="Combine"/>, lowest class index on ties.</summary>
    /// <exception cref="ArgumentException">The member arrays are missing, ragged or hold invalid probabilities.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> or <paramref name="combination"/> is invalid.</exception>
    public static int[] Predict(IReadOnlyList<float[]> memberProbabilities, int classCount, EnsembleCombination combination)
    {
        var combined = Combine(memberProbabilities, classCount, combination);
        var predictions = new int[combined.Length / classCount];
        for (var r = 0; r < predictions.Length; r++)
        {
            predictions[r] = ArgMax(combined.AsSpan(r * classCount, classCount));
        }
        return predictions;
    }

    /// <summary>
    /// The accuracy of the ensemble of the first k members, for k = 1..K: element k−1 is the fraction of rows whose
    /// <see cref="Predict"/> equals the label.
    /// </summary>
    /// <exception cref="ArgumentException">The labels do not match the rows, or the member arrays are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> or <paramref name="combination"/> is invalid.</exception>
    public static double[] AccuracyBySize(
        IReadOnlyList<float[]> memberProbabilities,
        int classCount,
        IReadOnlyList<int> labels,
        EnsembleCombination combination)
    {
        var rows = Validate(memberProbabilities, classCount);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != rows)
        {
            throw new ArgumentException(
                Invariant($"labels must hold one label per row. Received: {labels.Count} labels for {rows} rows."), nameof(labels));
        }
        var accuracies = new double[memberProbabilities.Count];
        for (var k = 1; k <= accuracies.Length; k++)
        {
            var predictions = Predict(memberProbabilities.Take(k).ToList(), classCount, combination);
            accuracies[k - 1] = (double)predictions.Where((predicted, r) => predicted == labels[r]).Count() / rows;
        }
        return accuracies;
    }

    private static void GeometricMean(double[] logSums, int[] zeros, int members, Span<float> output)
    {
        var fewestZeros = zeros.Min();
        var maxLogSum = double.NegativeInfinity;
        for (var y = 0; y < logSums.Length; y++)
        {
            if (zeros[y] == fewestZeros)
            {
                maxLogSum = Math.Max(maxLogSum, logSums[y]);
            }
        }
        // Subtracting the largest log sum keeps exp() in range; the shift cancels in the renormalisation.
        double total = 0;
        for (var y = 0; y < logSums.Length; y++)
        {
            logSums[y] = zeros[y] == fewestZeros ? Math.Exp((logSums[y] - maxLogSum) / members) : 0;
            total += logSums[y];
        }
        for (var y = 0; y < logSums.Length; y++)
        {
            output[y] = (float)(logSums[y] / total);
        }
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var y = 1; y < row.Length; y++)
        {
            if (row[y] > row[best])
            {
                best = y;
            }
        }
        return best;
    }

    private static int Validate(IReadOnlyList<float[]> memberProbabilities, int classCount)
    {
        ArgumentNullException.ThrowIfNull(memberProbabilities);
        Guard.AtLeast(classCount, 1);
        if (memberProbabilities.Count == 0)
        {
            throw new ArgumentException("memberProbabilities must hold at least one member. Received: an empty list.", nameof(memberProbabilities));
        }
        var length = memberProbabilities[0]?.Length ?? 0;
        for (var i = 0; i < memberProbabilities.Count; i++)
        {
            var member = memberProbabilities[i];
            if (member is null || length == 0 || member.Length != length || length % classCount != 0)
            {
                throw new ArgumentException(
                    Invariant($"memberProbabilities[{i}] must hold rows·classCount values (at least one row), as many as memberProbabilities[0]. Received: {member?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"} values with classCount={classCount} and {length} values in memberProbabilities[0]."),
                    nameof(memberProbabilities));
            }
            var invalid = Array.FindIndex(member, p => !(float.IsFinite(p) && p >= 0));
            if (invalid >= 0)
            {
                throw new ArgumentException(
                    Invariant($"memberProbabilities must hold finite probabilities greater than or equal to 0. Received: memberProbabilities[{i}][{invalid}]={Guard.Show(member[invalid])}."),
                    nameof(memberProbabilities));
            }
        }
        return length / classCount;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
