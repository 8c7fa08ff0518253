using TorchSharp.Modules;
using Regularizers.Torch.Modules;

namespace Regularizers.Torch.Tests.Modules;

public class MultilayerPerceptronTests
{
    [Fact]
    public void Create_WithInputAndHiddenDropout_NamesAndShapesEveryLayer()
    {
        using var model = MultilayerPerceptron.Create(6, [5, 4], 3, () => nn.ReLU(), () => new InvertedDropout(0.5), inputLayer: () => new GaussianNoise(0.1));

        Assert.Equal(["input", "hidden1", "activation1", "dropout1", "hidden2", "activation2", "dropout2", "output"], model.named_children().Select(c => c.name));
        Assert.Equal(
            ["hidden1.weight:5x6", "hidden1.bias:5", "hidden2.weight:4x5", "hidden2.bias:4", "output.weight:3x4", "output.bias:3"],
            model.named_parameters().Select(p => $"{p.name}:{string.Join("x", p.parameter.shape)}"));
    }

    [Fact]
    public void Create_HiddenLinearFactory_ReplacesOnlyHiddenLayers()
    {
        using var model = MultilayerPerceptron.Create(4, [3], 2, () => nn.Tanh(), hiddenLinear: (i, o) => new DropConnectLinear(i, o, 0.5));

        Assert.IsType<DropConnectLinear>(model.named_children().Single(c => c.name == "hidden1").module);
        Assert.IsType<Linear>(model.named_children().Single(c => c.name == "output").module);
    }

    [Fact]
    public void Create_ZeroWidthHiddenLayer_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MultilayerPerceptron.Create(4, [0], 2, () => nn.ReLU()));

        Assert.StartsWith("hiddenLayers must be an integer greater than or equal to 1. Received: hiddenLayers=0.", e.Message, StringComparison.Ordinal);
    }
}
