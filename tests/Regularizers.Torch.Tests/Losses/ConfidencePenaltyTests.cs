using Regularizers.Torch.Losses;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Losses;

public sealed class ConfidencePenaltyTests
{
    [Theory]
    [InlineData("confidence_0.0", 0.0)]
    [InlineData("confidence_0.3", 0.3)]
    [InlineData("confidence_2.0", 2.0)]
    public void ConfidencePenalty_LossAndGradient_MatchPyTorch(string name, double beta)
    {
        var golden = ConsistencyGolden.Case(name);
        using var z = ConsistencyGolden.Tensor(ConsistencyGolden.Root.GetProperty("logits1"), requiresGrad: true);
        using var labels = ConsistencyGolden.Labels();

        using var loss = new ConfidencePenalty(beta).call(z, labels);
        loss.backward();

        Assert.Equal(golden.GetProperty("loss").GetDouble(), Scalar(loss), new DoubleTolerance(1e-5));
        Assert.Equal(ConsistencyGolden.Values(golden.GetProperty("grad")), Values(z.grad!).Select(v => (double)v), new DoubleTolerance(1e-5));
    }

    [Fact]
    public void ConfidencePenalty_EqualLogits_IsOneMinusBetaTimesLogK()
    {
        // p = 1/K: the cross-entropy and the entropy are both log K.
        using var z = zeros(3, 5);
        using var y = tensor(new long[] { 0, 4, 2 });

        using var loss = new ConfidencePenalty(0.25).call(z, y);

        Assert.Equal(0.75 * Math.Log(5), Scalar(loss), 6);
    }

    [Fact]
    public void ConfidencePenalty_AgainstLabelSmoothing_PenalisesTheOtherDirectionOfTheKl()
    {
        // CP(β) − CE = β·(KL(p‖u) − log K) and LS(ε) − (1−ε)·CE = ε·(KL(u‖p) + log K), example by example.
        using var z = tensor(new[] { 8f, 0f, 0f, 0f, 0.1f, -0.1f, 0.05f, 0f }, new long[] { 2, 4 });
        using var y = tensor(new long[] { 0, 1 });
        var logK = Math.Log(4);
        double[] KlToUniform(int n) => Klu(Values(z).Skip(4 * n).Take(4).ToArray());
        var kl = new[] { KlToUniform(0), KlToUniform(1) };
        using var ce = nn.functional.cross_entropy(z, y);

        using var confidence = new ConfidencePenalty(0.4).call(z, y);
        using var smoothing = new LabelSmoothingCrossEntropy(0.4).call(z, y);

        Assert.Equal(0.4 * ((kl[0][0] + kl[1][0]) / 2 - logK), Scalar(confidence) - Scalar(ce), 5);
        Assert.Equal(0.4 * ((kl[0][1] + kl[1][1]) / 2 + logK), Scalar(smoothing) - (0.6 * Scalar(ce)), 5);
        // Near uniform the two directions agree to second order; for a confident p, KL(u‖p) grows without bound while
        // KL(p‖u) stays below log K: label smoothing punishes confidence far harder.
        Assert.Equal(kl[1][0], kl[1][1], 0.05 * kl[1][0]);
        Assert.InRange(kl[0][0], 1.37, logK);
        Assert.Equal(4.6147, kl[0][1], 1e-3);
    }

    [Fact]
    public void ConfidencePenalty_GradientOfThePenalty_IsBetaPTimesLogPPlusEntropy()
    {
        manual_seed(7);
        using var z = (randn(4, 3) * 2).requires_grad_();
        using var y = tensor(new long[] { 0, 2, 1, 1 });

        using var penalty = new ConfidencePenalty(0.5).call(z, y) - nn.functional.cross_entropy(z, y);
        penalty.backward();
        using var logp = z.detach().log_softmax(1);
        using var p = logp.exp();
        using var entropy = -(p * logp).sum(1, keepdim: true);
        using var expected = p * (logp + entropy) * (0.5 / 4);

        Assert.Equal(Values(expected), Values(z.grad!), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void ConfidencePenalty_ProbabilityTargets_SubtractsTheEntropyFromTheirCrossEntropy()
    {
        using var z = tensor(new[] { 1f, 2f, 0f, -1f, 0.5f, 0.5f }, new long[] { 2, 3 });
        using var q = tensor(new[] { 0.2f, 0.8f, 0f, 0f, 0.5f, 0.5f }, new long[] { 2, 3 });
        using var logp = z.log_softmax(1);
        var expected = Scalar(-(q * logp).sum(1).mean()) - (0.3 * Scalar(-(logp.exp() * logp).sum(1).mean()));

        using var loss = new ConfidencePenalty(0.3).call(z, q);

        Assert.Equal(expected, Scalar(loss), 6);
    }

    [Fact]
    public void ConfidencePenalty_NaNBeta_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidencePenalty(double.NaN));

        Assert.StartsWith("beta must be a finite number greater than or equal to 0. Received: beta=NaN. (Parameter 'beta')", e.Message, StringComparison.Ordinal);
    }

    /// <summary>(KL(p‖u), KL(u‖p)) of p = softmax(row), in double.</summary>
    private static double[] Klu(float[] row)
    {
        var max = row.Max();
        var e = row.Select(v => Math.Exp(v - max)).ToArray();
        var p = e.Select(v => v / e.Sum()).ToArray();
        var u = 1.0 / p.Length;
        return [p.Sum(pk => pk * Math.Log(pk / u)), p.Sum(pk => u * Math.Log(u / pk))];
    }
}
