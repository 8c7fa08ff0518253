using Regularizers.Core.Ensembles;

namespace Regularizers.Core.Tests.Ensembles;

public class EnsembleCombinerTests
{
    private const double Tolerance = 1e-6;

    // 3 members, 2 rows, 3 classes (row-major). Row 0 member votes: 0, 1, 2; row 1: 1, 2, 1.
    private static readonly float[][] Members =
    [
        [0.6f, 0.3f, 0.1f, 0.2f, 0.5f, 0.3f],
        [0.1f, 0.5f, 0.4f, 0.3f, 0.3f, 0.4f],
        [0.2f, 0.3f, 0.5f, 0.2f, 0.6f, 0.2f],
    ];

    [Fact]
    public void Combine_HardVote_IsVoteShare()
    {
        var combined = EnsembleCombiner.Combine(Members, 3, EnsembleCombination.HardVote);

        AssertClose([1 / 3.0, 1 / 3.0, 1 / 3.0, 0, 2 / 3.0, 1 / 3.0], combined);
    }

    [Fact]
    public void Predict_HardVoteTie_PicksLowestClass()
    {
        Assert.Equal([0, 1], EnsembleCombiner.Predict(Members, 3, EnsembleCombination.HardVote));
    }

    [Fact]
    public void Predict_HardVoteMemberTie_MemberVotesForLowestClass()
    {
        float[][] members = [[0.4f, 0.4f, 0.2f], [0.1f, 0.1f, 0.8f], [0.3f, 0.3f, 0.4f], [0.45f, 0.45f, 0.1f]];

        // Votes: 0, 2, 2, 0 — a tie between classes 0 and 2 goes to 0.
        Assert.Equal([0], EnsembleCombiner.Predict(members, 3, EnsembleCombination.HardVote));
        AssertClose([0.5, 0, 0.5], EnsembleCombiner.Combine(members, 3, EnsembleCombination.HardVote));
    }

    [Fact]
    public void Combine_ArithmeticMean_AveragesProbabilities()
    {
        var combined = EnsembleCombiner.Combine(Members, 3, EnsembleCombination.ArithmeticMean);

        AssertClose([0.9 / 3, 1.1 / 3, 1.0 / 3, 0.7 / 3, 1.4 / 3, 0.9 / 3], combined);
        Assert.Equal([1, 1], EnsembleCombiner.Predict(Members, 3, EnsembleCombination.ArithmeticMean));
    }

    [Fact]
    public void Combine_GeometricMean_IsRenormalisedCubeRootOfProducts()
    {
        double[] row0 = [Math.Cbrt(0.6 * 0.1 * 0.2), Math.Cbrt(0.3 * 0.5 * 0.3), Math.Cbrt(0.1 * 0.4 * 0.5)];
        double[] row1 = [Math.Cbrt(0.2 * 0.3 * 0.2), Math.Cbrt(0.5 * 0.3 * 0.6), Math.Cbrt(0.3 * 0.4 * 0.2)];

        var combined = EnsembleCombiner.Combine(Members, 3, EnsembleCombination.GeometricMean);

        AssertClose([.. Normalise(row0), .. Normalise(row1)], combined);
    }

    [Fact]
    public void Combine_GeometricMeanOneZero_VetoesTheClass()
    {
        float[][] members = [[0.5f, 0.5f, 0f], [0.5f, 0.25f, 0.25f]];

        AssertClose(Normalise([Math.Sqrt(0.25), Math.Sqrt(0.125), 0]), EnsembleCombiner.Combine(members, 3, EnsembleCombination.GeometricMean));
    }

    [Fact]
    public void Combine_GeometricMeanEveryClassVetoedOnce_UsesTheNonZeroFactors()
    {
        float[][] members = [[1f, 0f, 0f], [0f, 0.5f, 0.5f]];

        AssertClose(Normalise([1, Math.Sqrt(0.5), Math.Sqrt(0.5)]), EnsembleCombiner.Combine(members, 3, EnsembleCombination.GeometricMean));
    }

    [Fact]
    public void Combine_GeometricMeanUnequalVetoes_KeepsClassesWithFewestZeros()
    {
        // Zero counts per class: 1, 1, 2 — class 2 is dropped; classes 0 and 1 keep (1·0.5)^(1/3) and (0.5·0.5)^(1/3).
        float[][] members = [[1f, 0f, 0f], [0f, 0.5f, 0.5f], [0.5f, 0.5f, 0f]];

        AssertClose(
            Normalise([Math.Cbrt(0.5), Math.Cbrt(0.25), 0]),
            EnsembleCombiner.Combine(members, 3, EnsembleCombination.GeometricMean));
    }

    [Fact]
    public void Combine_IdenticalMembers_AllRulesGiveTheMember()
    {
        float[] member = [0.7f, 0.2f, 0.1f];
        float[][] members = [member, member, member];

        AssertClose([0.7, 0.2, 0.1], EnsembleCombiner.Combine(members, 3, EnsembleCombination.ArithmeticMean));
        AssertClose([0.7, 0.2, 0.1], EnsembleCombiner.Combine(members, 3, EnsembleCombination.GeometricMean));
        AssertClose([1, 0, 0], EnsembleCombiner.Combine(members, 3, EnsembleCombination.HardVote));
    }

    [Fact]
    public void AccuracyBySize_FirstKMembers_AccuracyPerSize()
    {
        // k = 1: member 0 predicts 0, 1 → 0.5. k = 2: means [.35 .4 .25], [.25 .4 .35] → 1, 1. k = 3: 1, 1.
        Assert.Equal([0.5, 1, 1], EnsembleCombiner.AccuracyBySize(Members, 3, [1, 1], EnsembleCombination.ArithmeticMean));
        Assert.Equal([0.5, 0.5, 0.5], EnsembleCombiner.AccuracyBySize(Members, 3, [1, 1], EnsembleCombination.HardVote));
    }

    [Fact]
    public void AccuracyBySize_LabelCountMismatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EnsembleCombiner.AccuracyBySize(Members, 3, [1], EnsembleCombination.HardVote));

        Assert.Equal(Messages.Argument("labels must hold one label per row. Received: 1 labels for 2 rows.", "labels"), error.Message);
    }

    [Fact]
    public void Combine_RaggedMembers_Throws()
    {
        float[][] members = [[0.5f, 0.5f], [1f]];

        var error = Assert.Throws<ArgumentException>(() => EnsembleCombiner.Combine(members, 2, EnsembleCombination.ArithmeticMean));

        Assert.Equal(
            Messages.Argument(
                "memberProbabilities[1] must hold rows·classCount values (at least one row), as many as memberProbabilities[0]. Received: 1 values with classCount=2 and 2 values in memberProbabilities[0].",
                "memberProbabilities"),
            error.Message);
    }

    [Fact]
    public void Combine_NegativeProbability_Throws()
    {
        float[][] members = [[0.5f, 0.5f], [1.5f, -0.5f]];

        var error = Assert.Throws<ArgumentException>(() => EnsembleCombiner.Combine(members, 2, EnsembleCombination.GeometricMean));

        Assert.Equal(
            Messages.Argument(
                "memberProbabilities must hold finite probabilities greater than or equal to 0. Received: memberProbabilities[1][1]=-0.5.",
                "memberProbabilities"),
            error.Message);
    }

    [Fact]
    public void Combine_NoMembers_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EnsembleCombiner.Combine([], 2, EnsembleCombination.HardVote));

        Assert.Equal(Messages.Argument("memberProbabilities must hold at least one member. Received: an empty list.", "memberProbabilities"), error.Message);
    }

    [Fact]
    public void Combine_UndefinedCombination_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EnsembleCombiner.Combine(Members, 3, (EnsembleCombination)9));

        Assert.Equal(
            Messages.OutOfRange("combination must be HardVote, ArithmeticMean or GeometricMean. Received: combination=9.", "combination", "9"),
            error.Message);
    }

    private static double[] Normalise(double[] weights) => weights.Select(w => w / weights.Sum()).ToArray();

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Tolerance);
        }
    }
}
