namespace Regularizers.Torch.Ensembles;

/// <summary>Out-of-bag evaluation: each row is scored using only the members whose bootstrap sample left it out.</summary>
internal static class OutOfBag
{
    /// <summary>The mean of <paramref name="score"/>(row, voters) over rows with at least one voter; NaN when there are none.</summary>
    public static double Average(IReadOnlyList<BaggingMember> members, int rows, Func<int, IReadOnlyList<int>, double> score)
    {
        var sum = 0.0;
        var counted = 0;
        for (var row = 0; row < rows; row++)
        {
            var voters = Enumerable.Range(0, members.Count).Where(i => Array.BinarySearch(members[i].Sample.OutOfBag, row) >= 0).ToList();
            if (voters.Count > 0)
            {
                sum += score(row, voters);
                counted++;
            }
        }
        return counted == 0 ? double.NaN : sum / counted;
    }
}
