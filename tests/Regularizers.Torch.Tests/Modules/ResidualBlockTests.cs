using Regularizers.Torch.Modules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Modules;

public sealed class ResidualBlockTests
{
    [Fact]
    public void ResidualBlock_DroppedBranch_PassesTheIdentityThroughTheActivation()
    {
        // With p close to 1 almost every example's branch is dropped; those examples give relu(x) exactly.
        manual_seed(61);
        using var block = new ResidualBlock(3, () => nn.ReLU(), dropPath: 0.999);
        using var x = randn(20, 3, 5, 5);

        using var y = block.call(x);
        var relu = Values(x.relu()).Chunk(75).ToList();
        var outputs = Values(y).Chunk(75).ToList();

        Assert.True(Enumerable.Range(0, 20).Count(n => relu[n].SequenceEqual(outputs[n])) >= 18, "fewer than 18 of 20 branches were dropped");
    }

    [Fact]
    public void ResidualBlock_Eval_IsDeterministicAndKeepsTheShape()
    {
        manual_seed(62);
        using var block = new ResidualBlock(4, () => nn.ReLU(), dropPath: 0.5, dropBlock: 0.3, dropBlockSize: 2);
        block.eval();
        using var x = randn(2, 4, 6, 6);

        Assert.Equal(Values(block.call(x)), Values(block.call(x)));
        Assert.Equal([2L, 4L, 6L, 6L], block.call(x).shape);
    }

    [Fact]
    public void ResidualBlock_ParametersAreTwoConvolutionsAndTwoNorms()
    {
        using var block = new ResidualBlock(2, () => nn.ReLU(), dropPath: 0.1, dropBlock: 0.1);

        Assert.Equal(
            ["conv1.weight:2x2x3x3", "norm1.weight:2", "norm1.bias:2", "conv2.weight:2x2x3x3", "norm2.weight:2", "norm2.bias:2"],
            block.named_parameters().Select(p => $"{p.name}:{string.Join("x", p.parameter.shape)}"));
    }
}
