using Regularizers.Core.Ensembles;
using Regularizers.Core.Sampling;
using Regularizers.Reference.Ensembles;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.Ensembles;

/// <summary>Bootstrap sampling and ensemble combination against Core's.</summary>
public class EnsembleTests
{
    [Fact]
    public void Bootstrap_SameRandomSeed_SameRowsAsCoreSampler()
    {
        var core = new BootstrapSampler().Sample(50, new Random(18));

        var (inBag, outOfBag) = Bootstrap.Sample(50, 50, new Random(18));

        Assert.Equal(core.InBag, inBag);
        Assert.Equal(core.OutOfBag, outOfBag);
    }

    [Theory]
    [InlineData(EnsembleCombination.HardVote)]
    [InlineData(EnsembleCombination.ArithmeticMean)]
    [InlineData(EnsembleCombination.GeometricMean)]
    public void Combination_EqualsCoreEnsembleCombiner(EnsembleCombination combination)
    {
        var random = new Random(19);
        var members = Enumerable.Range(0, 3).Select(_ => RandomProbabilities(4, 3, random)).ToList();

        var expected = EnsembleCombiner.Combine(members.Select(m => m.Data.Select(v => (float)v).ToArray()).ToList(), 3, combination);
        var actual = combination switch
        {
            EnsembleCombination.HardVote => Combination.HardVote(members),
            EnsembleCombination.ArithmeticMean => Combination.ArithmeticMean(members),
            _ => Combination.GeometricMean(members),
        };

        Close(expected.Select(v => (double)v).ToArray(), actual.Data, TorchRelative, TorchAbsolute);
    }

    private static Matrix RandomProbabilities(int rows, int classes, Random random)
    {
        var m = new Matrix(rows, classes);
        for (var r = 0; r < rows; r++)
        {
            var row = m.Row(r);
            for (var c = 0; c < classes; c++)
            {
                row[c] = random.NextDouble() + 0.05;
            }
            var sum = 0.0;
            foreach (var v in row)
            {
                sum += v;
            }
            for (var c = 0; c < classes; c++)
            {
                row[c] /= sum;
            }
        }
        return m;
    }
}
