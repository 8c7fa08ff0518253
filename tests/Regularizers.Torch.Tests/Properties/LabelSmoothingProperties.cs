using CsCheck;
using Regularizers.Torch.Losses;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of label-smoothing cross-entropy over generated logits ([N, K], N 1–6, K 2–6, float32 and float64), class
/// targets, ε across [0, 1] (OtherClasses: up to (K−1)/K) and both modes: the loss is at least the entropy of the smoothed
/// targets (Gibbs' inequality), the gradient of each row sums to 0 (the smoothed targets sum to 1), it is unchanged by
/// adding a constant to a row of logits, and ε = 0 is plain cross-entropy.
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class LabelSmoothingProperties
{
    /// <summary>A batch of logits with class targets.</summary>
    public sealed record Batch(TensorCase Logits, long[] Targets, double Epsilon, LabelSmoothing Mode)
    {
        public long Classes => Logits.Shape[1];

        /// <summary>The smoothed target distribution of row <paramref name="i"/>.</summary>
        public double[] Smoothed(int i)
        {
            var k = Classes;
            var eps = Mode == LabelSmoothing.Uniform ? Epsilon : Epsilon * k / (k - 1);
            return Enumerable.Range(0, (int)k).Select(c => ((c == Targets[i] ? 1 : 0) * (1 - eps)) + (eps / k)).ToArray();
        }

        public override string ToString() => $"{Mode} ε={Epsilon:R} targets [{string.Join(", ", Targets)}] logits {Logits}";
    }

    private static readonly Gen<Batch> Batches =
        from n in Gen.Long[1, 6]
        from k in Gen.Long[2, 6]
        from dtype in TensorCase.Dtypes
        from values in Gen.Double[-10, 10].Array[(int)(n * k)]
        from targets in Gen.Long[0, k - 1].Array[(int)n]
        from mode in Gen.OneOf(Gen.Const(LabelSmoothing.Uniform), Gen.Const(LabelSmoothing.OtherClasses))
        from epsilon in Gen.OneOf(Gen.Const(0.0), Gen.Double[0, mode == LabelSmoothing.Uniform ? 1 : (k - 1.0) / k])
        select new Batch(new TensorCase([n, k], dtype, values), targets, epsilon, mode);

    private static (double Loss, double[] Gradient) LossAndGradient(Batch batch, double shift = 0)
    {
        using var loss = new LabelSmoothingCrossEntropy(batch.Epsilon, batch.Mode, reduction: nn.Reduction.Sum);
        using var created = batch.Logits.Create();
        using var logits = created.add(shift);
        logits.requires_grad = true;
        using var targets = tensor(batch.Targets);

        using var value = loss.call(logits, targets);
        value.backward();

        using var grad = logits.grad!;
        return (TensorCase.ToDoubles(value)[0], TensorCase.ToDoubles(grad));
    }

    [Fact]
    public void Loss_AnyBatch_AtLeastTheEntropyOfTheSmoothedTargetsAndRowGradientsSumToZero()
    {
        Property.Check(Batches, batch =>
        {
            var (loss, gradient) = LossAndGradient(batch);

            var entropy = Enumerable.Range(0, batch.Targets.Length).Sum(i => -batch.Smoothed(i).Where(q => q > 0).Sum(q => q * Math.Log(q)));
            Assert.True(loss >= entropy - (batch.Logits.Tolerance * 10 * (1 + loss)), $"loss {loss} below the targets' entropy {entropy}");
            var k = (int)batch.Classes;
            for (var i = 0; i < batch.Targets.Length; i++)
            {
                var rowSum = gradient.Skip(i * k).Take(k).Sum();
                Assert.True(Math.Abs(rowSum) <= batch.Logits.Tolerance * 10, $"row {i}: gradient sums to {rowSum}");
            }
        });
    }

    [Fact]
    public void Loss_ConstantAddedToTheLogits_Unchanged()
    {
        Property.Check(Gen.Select(Batches, Gen.Double[-50, 50]), (batch, shift) =>
        {
            var (plain, _) = LossAndGradient(batch);
            var (shifted, _) = LossAndGradient(batch, shift);

            Assert.True(Math.Abs(plain - shifted) <= batch.Logits.Tolerance * 100 * (1 + Math.Abs(plain)), $"loss {plain}, after adding {shift}: {shifted}");
        });
    }

    [Fact]
    public void Loss_EpsilonZero_EqualsCrossEntropy()
    {
        Property.Check(Batches.Select(b => b with { Epsilon = 0 }), batch =>
        {
            var (smoothed, _) = LossAndGradient(batch);

            using var logits = batch.Logits.Create();
            using var targets = tensor(batch.Targets);
            using var plain = nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.Sum);
            var expected = TensorCase.ToDoubles(plain)[0];
            Assert.True(Math.Abs(smoothed - expected) <= batch.Logits.Tolerance * (1 + Math.Abs(expected)), $"{smoothed} ≠ cross-entropy {expected}");
        });
    }
}
