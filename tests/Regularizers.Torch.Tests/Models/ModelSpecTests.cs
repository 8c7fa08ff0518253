using Regularizers.Torch.Models;
using Regularizers.Torch.Modules;
using TorchSharp.Modules;

namespace Regularizers.Torch.Tests.Models;

public class ModelSpecTests
{
    private static ModelSpec Spec() => new() { Inputs = 4, HiddenLayers = [3, 5], Outputs = 2 };

    [Fact]
    public void Build_TanhClassicDropout_MultilayerPerceptronLayersAndNames()
    {
        using var model = (Spec() with { Activation = Activation.Tanh, Dropout = DropoutKind.Classic, DropoutRate = 0.25 }).Build();

        Assert.Equal(["hidden1", "activation1", "dropout1", "hidden2", "activation2", "dropout2", "output"], model.named_children().Select(c => c.name));
        Assert.IsType<Tanh>(model.named_children().Single(c => c.name == "activation2").module);
        Assert.Equal(0.25, Assert.IsType<ClassicDropout>(model.named_children().Single(c => c.name == "dropout1").module).p);
        Assert.Equal(
            ["hidden1.weight:3x4", "hidden1.bias:3", "hidden2.weight:5x3", "hidden2.bias:5", "output.weight:2x5", "output.bias:2"],
            model.named_parameters().Select(p => $"{p.name}:{string.Join("x", p.parameter.shape)}"));
    }

    [Theory]
    [InlineData(DropoutKind.None, null)]
    [InlineData(DropoutKind.Inverted, typeof(InvertedDropout))]
    [InlineData(DropoutKind.Gaussian, typeof(GaussianDropout))]
    public void CreateDropout_EachKind_ItsLayerOrNone(DropoutKind kind, Type? expected)
    {
        using var layer = (Spec() with { Dropout = kind }).CreateDropout();

        Assert.Equal(expected, layer?.GetType());
    }

    [Theory]
    [InlineData(Activation.ReLU, typeof(ReLU))]
    [InlineData(Activation.Sigmoid, typeof(Sigmoid))]
    [InlineData(Activation.Tanh, typeof(Tanh))]
    public void CreateActivation_EachKind_ItsModule(Activation activation, Type expected)
    {
        using var module = (Spec() with { Activation = activation }).CreateActivation();

        Assert.IsType(expected, module);
    }

    /// <summary>Two steps on loss 2·w from w = 1 at lr 0.1: SGD 1 − 0.2 − 0.2; momentum v = 2 then 0.9·2 + 2; Adam ≈ lr per step.</summary>
    [Theory]
    [InlineData(OptimizerKind.Sgd, 0.6)]
    [InlineData(OptimizerKind.Momentum, 0.42)]
    [InlineData(OptimizerKind.Adam, 0.8)]
    public void CreateOptimizer_TwoStepsOnALinearLoss_ThePyTorchUpdates(OptimizerKind kind, double expected)
    {
        using var module = nn.Linear(1, 1, hasBias: false);
        using (no_grad())
        {
            module.weight!.fill_(1);
        }
        using var optimizer = (Spec() with { Optimizer = kind, LearningRate = 0.1 }).CreateOptimizer(module);

        for (var step = 0; step < 2; step++)
        {
            optimizer.zero_grad();
            using var loss = module.weight!.sum() * 2;
            loss.backward();
            optimizer.step();
        }

        Assert.Equal(expected, module.weight!.item<float>(), 5);
    }

    [Fact]
    public void Defaults_AreReLUNoDropoutAdamAtOneThousandth()
    {
        var spec = Spec();

        Assert.Equal((Activation.ReLU, DropoutKind.None, 0.5, OptimizerKind.Adam, 1e-3), (spec.Activation, spec.Dropout, spec.DropoutRate, spec.Optimizer, spec.LearningRate));
    }

    [Fact]
    public void Equals_SameWidthsInAnotherList_Equal()
    {
        Assert.Equal(Spec(), Spec() with { HiddenLayers = new List<int> { 3, 5 } });
        Assert.NotEqual(Spec(), Spec() with { HiddenLayers = [3, 6] });
        Assert.Equal(Spec().GetHashCode(), (Spec() with { HiddenLayers = new List<int> { 3, 5 } }).GetHashCode());
    }

    public static TheoryData<Func<ModelSpec>, string> Invalid => new()
    {
        { () => Spec() with { Inputs = 0 }, "Inputs must be an integer greater than or equal to 1. Received: Inputs=0." },
        { () => Spec() with { HiddenLayers = [3, 0] }, "HiddenLayers must be an integer greater than or equal to 1. Received: HiddenLayers=0." },
        { () => Spec() with { Outputs = -1 }, "Outputs must be an integer greater than or equal to 1. Received: Outputs=-1." },
        { () => Spec() with { DropoutRate = 1 }, "DropoutRate must be a finite number in the range [0, 1). Received: DropoutRate=1." },
        { () => Spec() with { DropoutRate = double.NaN }, "DropoutRate must be a finite number in the range [0, 1). Received: DropoutRate=NaN." },
        { () => Spec() with { LearningRate = 0 }, "LearningRate must be a finite number greater than 0. Received: LearningRate=0." },
        { () => Spec() with { Activation = (Activation)7 }, "Activation must be ReLU, Sigmoid or Tanh. Received: Activation=7." },
        { () => Spec() with { Dropout = (DropoutKind)9 }, "Dropout must be None, Inverted, Classic or Gaussian. Received: Dropout=9." },
        { () => Spec() with { Optimizer = (OptimizerKind)(-1) }, "Optimizer must be Sgd, Momentum or Adam. Received: Optimizer=-1." },
        { () => Spec() with { Architecture = (Architecture)2 }, "Architecture must be MultilayerPerceptron or ResidualCnn. Received: Architecture=2." },
        { () => Spec() with { Channels = [8, 0] }, "Channels must be an integer greater than or equal to 1. Received: Channels=0." },
        { () => Spec() with { DropPathRate = 1 }, "DropPathRate must be a finite number in the range [0, 1). Received: DropPathRate=1." },
        { () => Spec() with { DropBlockRate = -0.5 }, "DropBlockRate must be a finite number in the range [0, 1). Received: DropBlockRate=-0.5." },
        { () => Spec() with { DropBlockSize = 0 }, "DropBlockSize must be an integer greater than or equal to 1. Received: DropBlockSize=0." },
        { () => Spec() with { ImageChannels = 0 }, "ImageChannels must be an integer greater than or equal to 1. Received: ImageChannels=0." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Init_InvalidValue_ThrowsExactMessage(Func<ModelSpec> create, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    private static ModelSpec Cnn() => new()
    {
        Inputs = 2 * 8 * 8, HiddenLayers = [5], Outputs = 3, Architecture = Architecture.ResidualCnn, ImageChannels = 2, Channels = [4, 6, 8],
        DropPathRate = 0.3, DropBlockRate = 0.2, DropBlockSize = 2, Dropout = DropoutKind.Inverted, DropoutRate = 0.1,
    };

    [Fact]
    public void Build_ResidualCnn_StagesHeadNamesAndLinearDropPathRates()
    {
        using var model = Cnn().Build();
        using var x = randn(3, 128);
        var blocks = model.named_children().Where(c => c.name.StartsWith("block", StringComparison.Ordinal)).Select(c => (ResidualBlock)c.module).ToList();

        Assert.Equal(
            ["unflatten", "stem", "stem_norm", "stem_activation", "block1", "down2", "down2_norm", "down2_activation", "block2",
             "down3", "down3_norm", "down3_activation", "block3", "pool", "dropout0", "hidden1", "activation1", "dropout1", "output"],
            model.named_children().Select(c => c.name));
        Assert.Equal([0.1, 0.2, 0.3], blocks.Select(b => Math.Round(b.DropPath!.p, 12)));
        Assert.All(blocks, b => Assert.Equal((0.2, 2), (b.DropBlock!.p, b.DropBlock.BlockSize)));
        Assert.Equal([3L, 3L], model.call(x).shape);
        Assert.Equal([8L, 6L, 3L, 3L], model.named_parameters().Single(p => p.name == "down3.weight").parameter.shape);
    }

    [Fact]
    public void Build_ResidualCnnWithoutStructuredDropout_BlocksHaveNone()
    {
        using var model = (Cnn() with { DropPathRate = 0, DropBlockRate = 0 }).Build();

        Assert.All(model.children().OfType<ResidualBlock>(), b => Assert.Equal((null, null), (b.DropPath, b.DropBlock)));
    }

    [Fact]
    public void Build_ResidualCnnOnNonSquareInputs_ThrowsExactMessage()
    {
        var e = Assert.Throws<InvalidOperationException>(() => (Cnn() with { Inputs = 100 }).Build());

        Assert.Equal("A ResidualCnn needs at least one stage in Channels and Inputs = ImageChannels·s² (square images). Received: Channels=[4, 6, 8], Inputs=100, ImageChannels=2.", e.Message);
    }

    [Fact]
    public void Build_PerceptronWithDropPathRate_ThrowsExactMessage()
    {
        var e = Assert.Throws<InvalidOperationException>(() => (Spec() with { DropPathRate = 0.1 }).Build());

        Assert.Equal("Channels, DropPathRate and DropBlockRate belong to a ResidualCnn; this spec is a MultilayerPerceptron. Received: Channels=[], DropPathRate=0.1, DropBlockRate=0.", e.Message);
    }

    [Fact]
    public void Equals_DifferentChannels_NotEqual() =>
        Assert.NotEqual(Cnn(), Cnn() with { Channels = [4, 6, 9] });
}
