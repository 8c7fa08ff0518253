namespace Regularizers.Reference.Ensembles;

/// <summary>
/// Combining k members' class probabilities P_m [N, K]: the hard vote counts each member's arg-max (ties go to the
/// lowest class index) and returns vote fractions; the arithmetic mean is <c>(1/k)·Σ_m P_m</c>; the renormalised
/// geometric mean is <c>p̃ ∝ (Π_m P_m)^{1/k}</c>, normalised over the classes (Goodfellow et al. §7.12's rule for
/// dropout's sub-networks).
/// </summary>
public static class Combination
{
    /// <summary>Vote fractions per class.</summary>
    public static Matrix HardVote(IReadOnlyList<Matrix> members)
    {
        var result = Empty(members);
        foreach (var m in members)
        {
            for (var n = 0; n < m.Rows; n++)
            {
                result[n, ArgMax(m.Row(n))] += 1.0 / members.Count;
            }
        }
        return result;
    }

    /// <summary>The mean of the members' probabilities.</summary>
    public static Matrix ArithmeticMean(IReadOnlyList<Matrix> members)
    {
        var result = Empty(members);
        foreach (var m in members)
        {
            for (var i = 0; i < m.Data.Length; i++)
            {
                result.Data[i] += m.Data[i] / members.Count;
            }
        }
        return result;
    }

    /// <summary>The renormalised geometric mean (zero probabilities give zero, never NaN, unless every class is zero).</summary>
    public static Matrix GeometricMean(IReadOnlyList<Matrix> members)
    {
        var result = Empty(members);
        for (var n = 0; n < result.Rows; n++)
        {
            var row = result.Row(n);
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = Math.Exp(members.Average(m => Math.Log(m[n, c])));
            }
            var sum = 0.0;
            foreach (var v in row)
            {
                sum += v;
            }
            for (var c = 0; c < row.Length; c++)
            {
                row[c] /= sum;
            }
        }
        return result;
    }

    /// <summary>The index of the largest value, the lowest on ties.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }

    private static Matrix Empty(IReadOnlyList<Matrix> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("At least one member is needed.", nameof(members));
        }
        return new Matrix(members[0].Rows, members[0].Cols);
    }
}
