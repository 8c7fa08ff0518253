using CsCheck;
using Regularizers.Torch.Adversarial;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Properties of the L∞ attacks on a small random network over generated batches (N 1–6, F 1–6, inputs in [0, 1],
/// float32 and float64) and ε across (0, 0.5]: the adversarial batch stays within ε of the input and inside the valid
/// range [0, 1], keeps shape and dtype, leaves the model's mode and parameters' gradients untouched, and leaves no
/// tensor alive.
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class AttackProperties
{
    private static readonly Gen<TensorCase> Inputs =
        from shape in Gen.Select(Gen.Long[1, 6], Gen.Long[1, 6])
        from dtype in TensorCase.Dtypes
        from values in Gen.Double[0, 1].Array[(int)(shape.Item1 * shape.Item2)]
        select new TensorCase([shape.Item1, shape.Item2], dtype, values);

    private static readonly Gen<(string Name, Func<double, AdversarialAttack> Build)> Attacks = Gen.OneOf(
        Gen.Const<(string, Func<double, AdversarialAttack>)>(("FGSM", e => new FgsmAttack(e))),
        Gen.Const<(string, Func<double, AdversarialAttack>)>(("PGD-5", e => new PgdAttack(e, e / 2, 5))));

    [Fact]
    public void Perturb_AnyBatch_WithinEpsilonInsideTheRangeAndTheModelUntouched()
    {
        Property.CheckModules(Gen.Select(Attacks, Gen.Double[1e-3, 0.5], Inputs), (attack, epsilon, input) =>
        {
            using var model = nn.Sequential(nn.Linear(input.Shape[1], 8), nn.Tanh(), nn.Linear(8, 3));
            model.to(input.Dtype).train();
            using var x = input.Create();
            using var y = zeros(input.Shape[0], dtype: ScalarType.Int64);

            Property.NoTensorLeft($"{attack.Name}(ε={epsilon})", () =>
            {
                using var adversarial = attack.Build(epsilon).Perturb(model, x, y);

                Assert.Equal(input.Shape, adversarial.shape);
                Assert.Equal(input.Dtype, adversarial.dtype);
                var original = input.Stored;
                var perturbed = TensorCase.ToDoubles(adversarial);
                for (var i = 0; i < original.Length; i++)
                {
                    Assert.True(Math.Abs(perturbed[i] - original[i]) <= epsilon * (1 + input.Tolerance), $"{attack.Name}: element {i} moved {perturbed[i] - original[i]}, ε = {epsilon}");
                    Assert.InRange(perturbed[i], 0, 1);
                }
            });
            Assert.True(model.training, $"{attack.Name} left the model in eval mode");
            Assert.All(model.parameters(), p => Assert.Null(p.grad));
        }, iterations: 100);
    }
}
