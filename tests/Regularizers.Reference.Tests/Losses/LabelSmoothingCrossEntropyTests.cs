using Regularizers.Reference.Losses;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Losses;

/// <summary>Label-smoothed cross-entropy, both modes: closed form, central differences, PyTorch golden values and its TorchSharp twin.</summary>
public class LabelSmoothingCrossEntropyTests
{
    [Fact]
    public void LabelSmoothing_OtherClasses_PutsEpsilonOverKMinusOneElsewhere()
    {
        // Equal logits: p = 1/K everywhere, so the loss is log K whatever the targets; the gradient is p − q.
        var loss = new LabelSmoothingCrossEntropy(0.3, LabelSmoothing.OtherClasses);

        var (value, gradient) = loss.Compute(new Matrix(1, 4), [2]);

        Assert.Equal(Math.Log(4), value[0], 12);
        Tolerances.Close([0.15, 0.15, -0.45, 0.15], gradient.Data, 0, 1e-12);
    }

    [Theory]
    [InlineData(LabelSmoothing.Uniform, Reduction.Mean)]
    [InlineData(LabelSmoothing.OtherClasses, Reduction.Mean)]
    [InlineData(LabelSmoothing.Uniform, Reduction.Sum)]
    public void LabelSmoothing_Gradient_MatchesCentralDifferences(LabelSmoothing mode, Reduction reduction)
    {
        var logits = Matrices.Random(5, 4, new Random(4), 3);
        int[] labels = [0, 3, 2, 1, 3];
        var loss = new LabelSmoothingCrossEntropy(0.2, mode, [1.0, 2.0, 0.5, 1.5], ignoreIndex: 2, reduction);

        var (_, gradient) = loss.Compute(logits, labels);

        FiniteDifference.Check(() => loss.Compute(logits, labels).Loss[0], logits.Data, gradient.Data);
    }

    [Fact]
    public void LabelSmoothing_ProbabilityTargets_GradientMatchesCentralDifferences()
    {
        var logits = Matrices.Random(3, 4, new Random(5), 2);
        var targets = new Matrix(3, 4, [0.7, 0.1, 0.1, 0.1, 0, 0, 1, 0, 0.25, 0.25, 0.25, 0.25]);
        var loss = new LabelSmoothingCrossEntropy(0.1, LabelSmoothing.OtherClasses, [1.0, 0.5, 2.0, 1.0]);

        var (_, gradient) = loss.Compute(logits, targets);

        FiniteDifference.Check(() => loss.Compute(logits, targets).Loss[0], logits.Data, gradient.Data);
    }

    [Fact]
    public void LabelSmoothing_AllCases_MatchPyTorch()
    {
        var golden = Golden.Root.GetProperty("label_smoothing");
        var logits = Golden.Matrix(golden.GetProperty("logits"), 6, 4);
        var labels = golden.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var weight = Golden.Array(golden.GetProperty("weight"));
        var cases = golden.GetProperty("cases").EnumerateArray().ToList();

        Assert.Equal(36, cases.Count);
        foreach (var c in cases)
        {
            var reduction = Enum.Parse<Reduction>(c.GetProperty("reduction").GetString()!, ignoreCase: true);
            var loss = new LabelSmoothingCrossEntropy(
                c.GetProperty("epsilon").GetDouble(), LabelSmoothing.Uniform, c.GetProperty("weighted").GetBoolean() ? weight : null,
                c.GetProperty("ignore_index").GetInt32(), reduction);

            var (value, gradient) = loss.Compute(logits, labels);

            Tolerances.Close(Golden.Array(c.GetProperty("loss")), value, Tolerances.Float64, Tolerances.Float64);
            Tolerances.Close(Golden.Array(c.GetProperty("grad")), gradient.Data, Tolerances.Float64, Tolerances.Float64);
        }
    }

    [Fact]
    public void LabelSmoothing_ProbabilityTargets_MatchPyTorch()
    {
        var golden = Golden.Root.GetProperty("label_smoothing");
        var p = golden.GetProperty("probability_targets");
        var loss = new LabelSmoothingCrossEntropy(p.GetProperty("epsilon").GetDouble(), weight: Golden.Array(golden.GetProperty("weight")));

        var (value, gradient) = loss.Compute(Golden.Matrix(golden.GetProperty("logits"), 6, 4), Golden.Matrix(p.GetProperty("targets"), 6, 4));

        Tolerances.Close(Golden.Array(p.GetProperty("loss")), value, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Golden.Array(p.GetProperty("grad")), gradient.Data, Tolerances.Float64, Tolerances.Float64);
    }

    [Theory]
    [InlineData(Regularizers.Torch.Losses.LabelSmoothing.Uniform, LabelSmoothing.Uniform)]
    [InlineData(Regularizers.Torch.Losses.LabelSmoothing.OtherClasses, LabelSmoothing.OtherClasses)]
    public void LabelSmoothingCrossEntropy_WeightedWithIgnoredClass_EqualsReference(Regularizers.Torch.Losses.LabelSmoothing torchMode, LabelSmoothing refMode)
    {
        var logits = Input(6, 4, 13);
        int[] labels = [0, 3, 2, 1, 3, 2];
        double[] weight = [1.0, 2.0, 0.5, 1.5];
        using var w = ToTorch(weight);
        using var loss = new Torch.Losses.LabelSmoothingCrossEntropy(0.2, torchMode, w, ignoreIndex: 1);
        using var z = ToTorch(logits).requires_grad_(true);
        using var y = tensor(labels.Select(l => (long)l).ToArray());

        using var value = loss.call(z, y);
        value.backward();
        var (refValue, refGradient) = new LabelSmoothingCrossEntropy(0.2, refMode, weight, ignoreIndex: 1).Compute(logits, labels);

        CloseToTorch(refValue, value);
        CloseToTorch(refGradient.Data, z.grad!);
    }
}
