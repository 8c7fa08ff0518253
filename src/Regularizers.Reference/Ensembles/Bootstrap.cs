namespace Regularizers.Reference.Ensembles;

/// <summary>
/// A bootstrap sample (Breiman's bagging, seed 004's <c>bootstrap_sample</c>): m row indices drawn uniformly with
/// replacement from 0..n−1; the rows never drawn are out of bag (a fraction ≈ (1 − 1/n)ⁿ → e⁻¹ ≈ 0.368 for m = n).
/// </summary>
public static class Bootstrap
{
    /// <summary>The in-bag indices (with repeats, in draw order) and the sorted out-of-bag indices.</summary>
    public static (int[] InBag, int[] OutOfBag) Sample(int n, int m, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var inBag = new int[m];
        var drawn = new bool[n];
        for (var i = 0; i < m; i++)
        {
            inBag[i] = random.Next(n);
            drawn[inBag[i]] = true;
        }
        return (inBag, Enumerable.Range(0, n).Where(i => !drawn[i]).ToArray());
    }
}
