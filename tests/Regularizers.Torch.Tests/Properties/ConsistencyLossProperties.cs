using CsCheck;
using Regularizers.Torch.Augmentation;
using Regularizers.Torch.Losses;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of the losses that compare predictions and of the batch transforms that make soft targets, over generated
/// batches (N 1–6, K 2–6 classes, float32 and float64) and strengths across their range: the confidence penalty is
/// cross-entropy minus β times the predictions' entropy; R-Drop of two identical passes is plain cross-entropy (its KL
/// term is 0) and never below it otherwise; MixUp and CutMix keep the batch's shape and give targets that are
/// probability rows.
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class ConsistencyLossProperties
{
    private static readonly Gen<(TensorCase Logits, long[] Targets)> Batches =
        from n in Gen.Long[1, 6]
        from k in Gen.Long[2, 6]
        from dtype in TensorCase.Dtypes
        from values in Gen.Double[-8, 8].Array[(int)(n * k)]
        from targets in Gen.Long[0, k - 1].Array[(int)n]
        select (new TensorCase([n, k], dtype, values), targets);

    private static double CrossEntropy(TensorCase logits, long[] targets, int row, out double entropy)
    {
        var k = (int)logits.Shape[1];
        var z = logits.Stored.Skip(row * k).Take(k).ToArray();
        var max = z.Max();
        var logSum = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
        var logP = z.Select(v => v - logSum).ToArray();
        entropy = -logP.Sum(l => Math.Exp(l) * l);
        return -logP[targets[row]];
    }

    [Fact]
    public void ConfidencePenalty_AnyBatch_CrossEntropyMinusBetaTimesEntropy()
    {
        Property.CheckModules(Gen.Select(Batches, Gen.Double[0, 2]), (batch, beta) =>
        {
            var (logits, targets) = batch;
            using var loss = new ConfidencePenalty(beta);
            using var z = logits.Create();
            using var y = tensor(targets);

            Property.NoTensorLeft($"ConfidencePenalty({beta})", () =>
            {
                using var value = loss.call(z, y);

                var expected = Enumerable.Range(0, targets.Length).Average(i => CrossEntropy(logits, targets, i, out var h) - (beta * h));
                var actual = TensorCase.ToDoubles(value)[0];
                Assert.True(Math.Abs(actual - expected) <= logits.Tolerance * 10 * (1 + Math.Abs(expected)), $"β={beta}: {actual}, expected {expected}");
            });
        }, iterations: 150);
    }

    [Fact]
    public void RDropLoss_IdenticalPasses_CrossEntropy_OtherPasses_NotBelowTheirMeanCrossEntropy()
    {
        Property.CheckModules(Gen.Select(Batches, Gen.Double[-8, 8].Array[36], Gen.Double[0, 5]), (batch, other, alpha) =>
        {
            var (logits, targets) = batch;
            using var loss = new RDropLoss(alpha);
            using var z = logits.Create();
            using var shifted = tensor(other.Take((int)logits.Count).ToArray(), dtype: ScalarType.Float64).reshape(logits.Shape).to_type(logits.Dtype);
            using var y = tensor(targets);

            Property.NoTensorLeft($"RDropLoss({alpha})", () =>
            {
                using var same = loss.call(z, z, y);
                using var different = loss.call(z, shifted, y);
                using var ce1 = nn.functional.cross_entropy(z, y);
                using var ce2 = nn.functional.cross_entropy(shifted, y);

                var crossEntropy = TensorCase.ToDoubles(ce1)[0];
                var meanCrossEntropy = (crossEntropy + TensorCase.ToDoubles(ce2)[0]) / 2;
                var tolerance = logits.Tolerance * 10 * (1 + crossEntropy);
                Assert.True(Math.Abs(TensorCase.ToDoubles(same)[0] - crossEntropy) <= tolerance, $"α={alpha}: identical passes give {TensorCase.ToDoubles(same)[0]}, cross-entropy {crossEntropy}");
                Assert.True(TensorCase.ToDoubles(different)[0] >= meanCrossEntropy - tolerance, $"α={alpha}: below the mean cross-entropy {meanCrossEntropy}");
            });
        }, iterations: 150);
    }

    [Fact]
    public void MixUpAndCutMix_AnyImageBatch_ShapeKeptAndTargetsAreProbabilityRows()
    {
        var images = from n in Gen.Long[1, 6] from k in Gen.Int[2, 6] from size in Gen.Long[4, 9] from cut in Gen.Bool
                     from alpha in Gen.Double[0.05, 2] from targets in Gen.Long[0, k - 1].Array[(int)n]
                     select (n, k, size, cut, alpha, targets);
        Property.Check(images, c =>
        {
            var (n, k, size, cut, alpha, targets) = c;
            IBatchTransform transform = cut ? new CutMix(k, alpha) : new MixUp(k, alpha);
            using var x = rand(n, 1, size, size);
            using var y = tensor(targets);

            var (mixed, soft) = transform.Apply(x, y);
            using (mixed)
            using (soft)
            {
                Assert.Equal(x.shape, mixed.shape);
                Assert.Equal(new[] { n, (long)k }, soft.shape);
                var values = TensorCase.ToDoubles(soft);
                Assert.All(values, v => Assert.InRange(v, -1e-6, 1 + 1e-6));
                for (var i = 0; i < n; i++)
                {
                    Assert.Equal(1.0, values.Skip(i * k).Take(k).Sum(), 5);
                }
            }
        }, iterations: 150);
    }
}
