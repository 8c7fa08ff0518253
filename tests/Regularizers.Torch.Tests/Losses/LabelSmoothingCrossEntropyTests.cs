using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Losses;

public sealed class LabelSmoothingCrossEntropyTests
{
    private static readonly float[] LogitValues = [1.0f, -0.5f, 2.0f, 0.1f, 0.3f, 0.2f, -1.0f, 1.5f, 0.0f, 0.0f, 0.0f, 3.0f];

    [Fact]
    public void Uniform_ClassIndices_EqualsCrossEntropyWithLabelSmoothing()
    {
        using var logits = tensor(LogitValues, new long[] { 3, 4 });
        using var target = tensor(new long[] { 2, 3, 0 });
        using var expected = nn.functional.cross_entropy(logits, target, label_smoothing: 0.1);

        using var actual = new LabelSmoothingCrossEntropy(0.1).call(logits, target);

        Assert.Equal(Scalar(expected), Scalar(actual), 6);
    }

    [Fact]
    public void OtherClasses_ClassIndices_MatchesFormulaWithEpsilonOverKMinusOne()
    {
        using var logits = tensor(LogitValues, new long[] { 3, 4 });
        using var target = tensor(new long[] { 2, 3, 0 });
        const double eps = 0.12;
        var expected = 0.0;
        for (var n = 0; n < 3; n++)
        {
            var row = LogitValues.Skip(4 * n).Take(4).Select(v => (double)v).ToArray();
            var logZ = Math.Log(row.Sum(Math.Exp));
            var label = new[] { 2, 3, 0 }[n];
            expected += -Enumerable.Range(0, 4).Sum(k => (k == label ? 1 - eps : eps / 3) * (row[k] - logZ));
        }

        using var actual = new LabelSmoothingCrossEntropy(eps, LabelSmoothing.OtherClasses).call(logits, target);

        Assert.Equal(expected / 3, Scalar(actual), 5);
    }

    [Fact]
    public void Uniform_ProbabilityTargets_SmoothsTheDistribution()
    {
        using var logits = tensor(LogitValues, new long[] { 3, 4 });
        using var probabilities = tensor(new[] { 0f, 0f, 1f, 0f, 0f, 0f, 0f, 1f, 0.5f, 0.5f, 0f, 0f }, new long[] { 3, 4 });
        using var smoothed = probabilities * 0.8 + 0.05;
        using var expected = (-(smoothed * logits.log_softmax(1)).sum(1)).mean();

        using var actual = new LabelSmoothingCrossEntropy(0.2).call(logits, probabilities);

        Assert.Equal(Scalar(expected), Scalar(actual), 6);
    }

    [Fact]
    public void Uniform_Gradient_MatchesSoftmaxMinusSmoothedTarget()
    {
        using var logits = tensor(LogitValues, new long[] { 3, 4 }).requires_grad_();
        using var target = tensor(new long[] { 2, 3, 0 });
        using var loss = new LabelSmoothingCrossEntropy(0.1).call(logits, target);
        loss.backward();
        using var onehot = nn.functional.one_hot(target, 4).to_type(ScalarType.Float32);
        using var expected = (logits.detach().softmax(1) - (onehot * 0.9 + 0.025)) / 3;

        Assert.Equal(Values(expected), Values(logits.grad!), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void LabelSmoothing_IgnoreIndexAndSumReduction_BehaveAsCrossEntropy()
    {
        using var logits = tensor(LogitValues, new long[] { 3, 4 });
        using var target = tensor(new long[] { 2, -100, 0 });
        using var expected = nn.functional.cross_entropy(logits, target, reduction: nn.Reduction.Sum, label_smoothing: 0.3);

        using var actual = new LabelSmoothingCrossEntropy(0.3, reduction: nn.Reduction.Sum).call(logits, target);

        Assert.Equal(Scalar(expected), Scalar(actual), 6);
    }

    [Fact]
    public void LabelSmoothing_EpsilonAboveOne_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LabelSmoothingCrossEntropy(1.5));

        Assert.StartsWith("epsilon must be a finite number in the range [0, 1]. Received: epsilon=1.5. (Parameter 'epsilon')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regularization_LastTerms_ReportsEachPenalty()
    {
        using var model = Mlp();
        var reg = new Regularization { new L1Penalty(0.1), new L2Penalty(0.2) };

        using var total = reg.Penalty(model);

        Assert.Equal(Scalar(total), reg.LastTerms["l1"] + reg.LastTerms["l2"], 5);
        Assert.Equal(0.1 * OverWeights(model, Math.Abs), reg.LastTerms["l1"], 5);
    }

    [Fact]
    public void Forward_LogitsWithoutAClassDimension_ThrowsNamingInput()
    {
        // Found by InvalidInputProperties: 1-dimensional logits gave an IndexOutOfRangeException.
        using var loss = new LabelSmoothingCrossEntropy(0.1);
        using var input = zeros(4);
        using var target = zeros(1, dtype: ScalarType.Int64);

        var e = Assert.Throws<ArgumentException>(() => loss.call(input, target));

        Assert.Equal("input must be logits of shape [N, K] or [N, K, d…] (K classes). Received: input of shape [4]. (Parameter 'input')", e.Message);
    }

    [Fact]
    public void Forward_TargetsOfAnotherBatchSize_ThrowsNamingTarget()
    {
        using var loss = new LabelSmoothingCrossEntropy(0.1);
        using var input = zeros(3, 5);
        using var target = zeros(2, dtype: ScalarType.Int64);

        var e = Assert.Throws<ArgumentException>(() => loss.call(input, target));

        Assert.Equal(
            "target must be class indices (int64) of shape [3] or class probabilities (floating-point) of shape [3, 5] for input of shape [3, 5]. " +
            "Received: target of dtype Int64 and shape [2]. (Parameter 'target')", e.Message);
    }
}
