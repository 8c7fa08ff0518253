using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;
using RefLabelSmoothing = Regularizers.Reference.Losses.LabelSmoothingCrossEntropy;
using RefLabelSmoothingMode = Regularizers.Reference.Losses.LabelSmoothing;

namespace Regularizers.Reference.Tests.Losses;

/// <summary>Label-smoothed cross-entropy against its reference twin, both modes.</summary>
public class LabelSmoothingTwinTests
{
    [Theory]
    [InlineData(Regularizers.Torch.Losses.LabelSmoothing.Uniform, RefLabelSmoothingMode.Uniform)]
    [InlineData(Regularizers.Torch.Losses.LabelSmoothing.OtherClasses, RefLabelSmoothingMode.OtherClasses)]
    public void LabelSmoothingCrossEntropy_WeightedWithIgnoredClass_EqualsReference(Regularizers.Torch.Losses.LabelSmoothing torchMode, RefLabelSmoothingMode refMode)
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
        var (refValue, refGradient) = new RefLabelSmoothing(0.2, refMode, weight, ignoreIndex: 1).Compute(logits, labels);

        CloseToTorch(refValue, value);
        CloseToTorch(refGradient.Data, z.grad!);
    }
}
