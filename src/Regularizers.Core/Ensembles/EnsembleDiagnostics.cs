using System.Globalization;

namespace Regularizers.Core.Ensembles;

/// <summary>Why averaging helps: the error decomposition of an averaging ensemble of regressors.</summary>
public static class EnsembleDiagnostics
{
    /// <summary>
    /// Splits the ensemble's mean squared error into <c>v/k + (k−1)·c/k</c> (see <see cref="ErrorDecomposition"/>).
    /// The moments are raw, <c>E[e_i·e_j]</c> rather than centred covariances, as in the derivation that assumes
    /// zero-mean errors; that makes the identity exact on any data, not only in expectation.
    /// </summary>
    /// <param name="memberErrors">Per member, the error <c>prediction − target</c> of every example.</param>
    /// <exception cref="ArgumentException">No member, no example, or members of different lengths.</exception>
    public static ErrorDecomposition Decompose(IReadOnlyList<double[]> memberErrors)
    {
        ArgumentNullException.ThrowIfNull(memberErrors);
        var k = memberErrors.Count;
        if (k == 0)
        {
            throw new ArgumentException("memberErrors must hold at least one member. Received: an empty list.", nameof(memberErrors));
        }
        var examples = memberErrors[0]?.Length ?? 0;
        for (var i = 0; i < k; i++)
        {
            if (memberErrors[i] is null || memberErrors[i].Length != examples || examples == 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"memberErrors[{i}] must hold one error per example (at least one), as many as memberErrors[0]. Received: {memberErrors[i]?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"} errors."),
                    nameof(memberErrors));
            }
        }
        double squares = 0, products = 0, ensemble = 0;
        for (var x = 0; x < examples; x++)
        {
            double sum = 0;
            for (var i = 0; i < k; i++)
            {
                var e = memberErrors[i][x];
                sum += e;
                squares += e * e;
                for (var j = i + 1; j < k; j++)
                {
                    products += 2 * e * memberErrors[j][x];
                }
            }
            ensemble += sum / k * (sum / k);
        }
        var v = squares / (k * (double)examples);
        var c = k > 1 ? products / (k * (k - 1.0) * examples) : double.NaN;
        var predicted = k > 1 ? (v / k) + ((k - 1.0) * c / k) : v;
        return new ErrorDecomposition(k, examples, v, c, predicted, ensemble / examples);
    }

    /// <summary>The errors <c>prediction − target</c> of each member, the input of <see cref="Decompose"/>.</summary>
    /// <exception cref="ArgumentException">A member's predictions do not match the targets in length.</exception>
    public static double[][] Errors(IReadOnlyList<double[]> memberPredictions, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(memberPredictions);
        ArgumentNullException.ThrowIfNull(targets);
        return memberPredictions.Select((predictions, i) =>
            predictions is not null && predictions.Length == targets.Count
                ? predictions.Select((p, x) => p - targets[x]).ToArray()
                : throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"memberPredictions[{i}] must hold one prediction per target. Received: {predictions?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"} predictions for {targets.Count} targets."),
                    nameof(memberPredictions)))
            .ToArray();
    }
}
