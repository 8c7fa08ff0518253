using Regularizers.Core.Ensembles;

namespace Regularizers.Core.Tests.Ensembles;

public class EnsembleDiagnosticsTests
{
    [Fact]
    public void Decompose_CorrelatedSyntheticErrors_PredictedEqualsMeasuredExactly()
    {
        // e_i = z + 0.5·w_i + 0.1·i: a shared component, an individual one and a member bias.
        var random = new Random(2024);
        const int members = 5, examples = 1000;
        var shared = Enumerable.Range(0, examples).Select(_ => Gaussian(random)).ToArray();
        var errors = Enumerable.Range(0, members)
            .Select(i => shared.Select(z => z + (0.5 * Gaussian(random)) + (0.1 * i)).ToArray())
            .ToArray();

        var decomposition = EnsembleDiagnostics.Decompose(errors);

        Assert.Equal(decomposition.MeasuredMse, decomposition.PredictedMse, 1e-12);
        Assert.Equal(Independent(errors), decomposition.MeasuredMse, 1e-12);
        Assert.InRange(decomposition.Covariance, 0.8, 1.3);
        Assert.InRange(decomposition.Variance, decomposition.Covariance, 1.6);
        Assert.Equal((members, examples), (decomposition.MemberCount, decomposition.ExampleCount));
    }

    [Fact]
    public void Decompose_HandCase_UncorrelatedHalvesTheError()
    {
        // v = (2 + 2)/(2·2) = 1, c = (1·1 + (−1)·1)/2 = 0, average error [1, 0] → MSE 0.5 = v/2.
        var decomposition = EnsembleDiagnostics.Decompose([[1, -1], [1, 1]]);

        Assert.Equal(new ErrorDecomposition(2, 2, 1, 0, 0.5, 0.5), decomposition);
    }

    [Fact]
    public void Decompose_IdenticalMembers_CovarianceEqualsVarianceAndNoGain()
    {
        double[] error = [0.5, -1.5, 2];

        var decomposition = EnsembleDiagnostics.Decompose([error, error, error]);

        Assert.Equal(decomposition.Variance, decomposition.Covariance, 12);
        Assert.Equal(decomposition.Variance, decomposition.MeasuredMse, 12);
        Assert.Equal((0.25 + 2.25 + 4) / 3, decomposition.Variance, 12);
    }

    [Fact]
    public void Decompose_OneMember_CovarianceIsNaNAndPredictionIsV()
    {
        var decomposition = EnsembleDiagnostics.Decompose([[1, 3]]);

        Assert.Equal(5, decomposition.Variance);
        Assert.True(double.IsNaN(decomposition.Covariance));
        Assert.Equal(5, decomposition.PredictedMse);
        Assert.Equal(5, decomposition.MeasuredMse);
    }

    [Fact]
    public void Errors_PredictionsMinusTargets()
    {
        var errors = EnsembleDiagnostics.Errors([[1.5, 2], [0, 4]], [1, 3]);

        Assert.Equal([[0.5, -1], [-1, 1]], errors);
    }

    [Fact]
    public void Decompose_RaggedMembers_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EnsembleDiagnostics.Decompose([[1, 2], [1]]));

        Assert.Equal(
            Messages.Argument("memberErrors[1] must hold one error per example (at least one), as many as memberErrors[0]. Received: 1 errors.", "memberErrors"),
            error.Message);
    }

    [Fact]
    public void Decompose_NoMembers_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EnsembleDiagnostics.Decompose([]));

        Assert.Equal(Messages.Argument("memberErrors must hold at least one member. Received: an empty list.", "memberErrors"), error.Message);
    }

    [Fact]
    public void Errors_LengthMismatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EnsembleDiagnostics.Errors([[1, 2, 3]], [1, 2]));

        Assert.Equal(
            Messages.Argument("memberPredictions[0] must hold one prediction per target. Received: 3 predictions for 2 targets.", "memberPredictions"),
            error.Message);
    }

    /// <summary>The MSE of the averaged prediction, computed without the decomposition's sums.</summary>
    private static double Independent(double[][] errors) =>
        Enumerable.Range(0, errors[0].Length).Average(x => Math.Pow(errors.Average(e => e[x]), 2));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
