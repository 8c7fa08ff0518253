using Regularizers.Reference.Losses;
using Regularizers.Reference.Networks;
using static Regularizers.Reference.Tests.Tolerances;
using static Regularizers.Reference.Tests.TorchTwins;

namespace Regularizers.Reference.Tests.Networks;

/// <summary>The reference network's backward pass against central differences and against torch autograd on the same weights.</summary>
public class DenseNetworkTests
{
    private static DenseNetwork Network(Activation hidden, Random random) => new(
        [new AffineLayer(Matrices.Random(5, 4, random), Matrices.Random(1, 5, random).Data), new AffineLayer(Matrices.Random(3, 5, random), Matrices.Random(1, 3, random).Data)],
        [hidden, Activation.Identity]);

    [Theory]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.Identity)]
    public void DenseNetwork_Backward_MatchesCentralDifferencesForEveryParameter(Activation activation)
    {
        var random = new Random(1);
        var network = Network(activation, random);
        var x = Matrices.Random(6, 4, random);
        int[] labels = [0, 2, 1, 1, 0, 2];
        double Loss() => SoftmaxCrossEntropy.Compute(network.Forward(x).Output, labels).Loss;

        var pass = network.Forward(x);
        var gradients = network.Backward(pass, SoftmaxCrossEntropy.Compute(pass.Output, labels).Gradient);

        Assert.Equal(4, gradients.Count);
        for (var i = 0; i < network.Parameters.Count; i++)
        {
            FiniteDifference.Check(Loss, network.Parameters[i].Values, gradients[i]);
        }
    }

    [Fact]
    public void DenseNetwork_InputGradient_MatchesCentralDifferences()
    {
        var random = new Random(2);
        var network = Network(Activation.Tanh, random);
        var x = Matrices.Random(3, 4, random);
        int[] labels = [1, 0, 2];
        double Loss() => SoftmaxCrossEntropy.Compute(network.Forward(x).Output, labels).Loss;
        var pass = network.Forward(x);
        var (_, dLogits) = SoftmaxCrossEntropy.Compute(pass.Output, labels);
        var dz1 = Activations.Backward(Activation.Identity, pass.PreActivations[1], pass.Outputs[1], dLogits);
        var (_, _, dHidden) = network.Layers[1].Backward(pass.Inputs[1], dz1);
        var dz0 = Activations.Backward(Activation.Tanh, pass.PreActivations[0], pass.Outputs[0], dHidden);

        var (_, _, dx) = network.Layers[0].Backward(x, dz0);

        FiniteDifference.Check(Loss, x.Data, dx.Data);
    }

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
