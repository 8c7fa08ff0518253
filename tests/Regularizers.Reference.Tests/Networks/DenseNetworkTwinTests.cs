using Regularizers.Reference.Losses;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Networks;

/// <summary>The reference network against torch autograd on the same weights.</summary>
public class DenseNetworkTwinTests
{
    [Fact]
    public void DenseNetwork_ForwardAndBackward_EqualTorchsAutograd()
    {
        var (torchModel, reference) = Twins(1);
        using var _ = torchModel;
        var x = Input(6, 4, 2);
        int[] labels = [0, 2, 1, 1, 0, 2];
        using var xt = ToTorch(x);
        using var yt = tensor(labels.Select(l => (long)l).ToArray());

        var pass = reference.Forward(x);
        var (loss, dLogits) = SoftmaxCrossEntropy.Compute(pass.Output, labels);
        var gradients = reference.Backward(pass, dLogits);
        using var logits = torchModel.call(xt);
        using var torchLoss = nn.functional.cross_entropy(logits, yt);
        torchLoss.backward();

        CloseToTorch(pass.Output.Data, logits);
        CloseToTorch([loss], torchLoss);
        foreach (var (parameter, gradient) in torchModel.parameters().Zip(gradients))
        {
            CloseToTorch(gradient, parameter.grad!);
        }
    }
}
