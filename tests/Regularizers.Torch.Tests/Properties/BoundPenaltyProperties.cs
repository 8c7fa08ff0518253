using CsCheck;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of the penalties bound to modules and of the proximal L1 step, over generated layer sizes (1–6 in and
/// out), batches (1–6) and strengths across their range: parameter tying is (λ/2)·Σ‖w_A − w_B‖² and 0 for identical
/// modules; the activity penalty is λ·mean over the batch of Σ|a| (L1) or (λ/2)·Σa² (L2); the proximal step is the
/// soft threshold sign(w)·max(|w| − ε·λ, 0); decoupled weight decay scales by 1 − ε·λ with the optimizer's ε.
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class BoundPenaltyProperties
{
    private static readonly Gen<(long In, long Out)> Sizes = Gen.Select(Gen.Long[1, 6], Gen.Long[1, 6]);

    [Fact]
    public void ParameterTying_AnyTwoLayers_HalfLambdaSquaredDistanceAndZeroForACopy()
    {
        Property.CheckModules(Gen.Select(Sizes, Gen.Double[0, 10]), (size, lambda) =>
        {
            using var a = nn.Linear(size.In, size.Out);
            using var b = nn.Linear(size.In, size.Out);
            using var copy = nn.Linear(size.In, size.Out);
            copy.load_state_dict(a.state_dict());
            var penalty = new ParameterTyingPenalty(a, b, lambda);
            var tiedToCopy = new ParameterTyingPenalty(a, copy, lambda);

            Property.NoTensorLeft($"ParameterTyingPenalty({lambda})", () =>
            {
                using var value = penalty.Compute();
                using var zero = tiedToCopy.Compute();

                var wa = TensorCase.ToDoubles(a.weight);
                var wb = TensorCase.ToDoubles(b.weight);
                var expected = lambda / 2 * wa.Zip(wb, (x, y) => (x - y) * (x - y)).Sum();
                var actual = TensorCase.ToDoubles(value)[0];
                Assert.True(Math.Abs(actual - expected) <= 1e-5 * (1 + expected), $"λ={lambda}: {actual}, expected {expected}");
                Assert.Equal(0.0, TensorCase.ToDoubles(zero)[0]);
            });
        }, iterations: 100);
    }

    [Fact]
    public void ActivityPenalty_AnyBatch_LambdaTimesTheBatchMeanOfTheNorm()
    {
        var cases = from size in Sizes from batch in Gen.Long[1, 6] from lambda in Gen.Double[0, 10] from l2 in Gen.Bool select (size, batch, lambda, l2);
        cases.Sample(c =>
        {
            var ((inputs, outputs), batch, lambda, l2) = c;
            using var layer = nn.Linear(inputs, outputs);
            using var x = randn(batch, inputs);

            // The penalty keeps the batch's activations until the next forward pass or its disposal.
            Property.NoTensorLeft($"ActivityPenalty({lambda})", () =>
            {
                using var penalty = new ActivityPenalty(layer, lambda, l2 ? ActivityNorm.L2 : ActivityNorm.L1);
                using var a = layer.call(x);
                using var value = penalty.Compute();

                var activations = TensorCase.ToDoubles(a);
                var perExample = l2 ? activations.Sum(v => v * v) / 2 : activations.Sum(Math.Abs);
                var expected = lambda * perExample / batch;
                var actual = TensorCase.ToDoubles(value)[0];
                Assert.True(actual >= 0 && Math.Abs(actual - expected) <= 1e-5 * (1 + expected), $"λ={lambda} {(l2 ? "L2" : "L1")}: {actual}, expected {expected}");
            });
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void L1Proximal_AnyWeight_SoftThreshold()
    {
        Property.Check(Gen.Select(TensorCase.Floating(minRank: 2), Gen.Double[0, 1], Gen.Double[1e-3, 1]), (weight, lambda, learningRate) =>
        {
            using var w = weight.Create();

            new L1Proximal(new L1Penalty(lambda), learningRate).Project(w);

            var threshold = learningRate * lambda;
            var expected = weight.Stored.Select(v => Math.Sign(v) * Math.Max(Math.Abs(v) - threshold, 0)).ToArray();
            var actual = TensorCase.ToDoubles(w);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(actual[i] - expected[i]) <= weight.Tolerance * (1 + Math.Abs(expected[i])), $"element {i}: {actual[i]}, expected {expected[i]}");
                Assert.True(expected[i] != 0 || actual[i] == 0, $"element {i}: {actual[i]} where the threshold gives exactly 0");
            }
        });
    }

    [Fact]
    public void DecoupledWeightDecay_AnyWeight_ScaledByOneMinusLearningRateTimesStrength()
    {
        Property.CheckModules(Gen.Select(TensorCase.Floating(minRank: 2), Gen.Double[0, 1], Gen.Double[1e-3, 1]), (weight, lambda, learningRate) =>
        {
            using var layer = nn.Linear(2, 2);
            using var optimizer = optim.SGD(layer.parameters(), learningRate);
            using var w = weight.Create();

            Property.NoTensorLeft($"DecoupledWeightDecay({lambda})", () => new Regularizers.Torch.Optimizers.DecoupledWeightDecay(lambda, optimizer).Project(w));

            var factor = 1 - (learningRate * lambda);
            var actual = TensorCase.ToDoubles(w);
            var stored = weight.Stored;
            for (var i = 0; i < stored.Length; i++)
            {
                Assert.True(Math.Abs(actual[i] - (stored[i] * factor)) <= weight.Tolerance * (1 + Math.Abs(stored[i])), $"element {i}: {actual[i]}, expected {stored[i] * factor}");
            }
        }, iterations: 100);
    }
}
