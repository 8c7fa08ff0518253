using static Regularizers.Torch.Tests.TestModels;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Penalties;

/// <summary>The activity penalty on a layer's outputs.</summary>
public sealed class ActivityPenaltyTests
{
    [Fact]
    public void ActivityPenalty_L1_EqualsLambdaTimesBatchMeanOfAbsoluteActivations()
    {
        using var model = Mlp();
        using var penalty = new ActivityPenalty((nn.Module<Tensor, Tensor>)model[1], 0.5, ActivityNorm.L1);
        using var x = randn(6, 4);
        using var output = model.call(x);
        using var hidden = ((nn.Module<Tensor, Tensor>)model[0]).call(x).relu();

        using var value = penalty.Compute();

        Assert.Equal(0.5 * Values(hidden).Sum(Math.Abs) / 6, Scalar(value), 5);
    }

    [Fact]
    public void ActivityPenalty_BeforeAnyForward_ThrowsClearMessage()
    {
        using var model = Mlp();
        using var penalty = new ActivityPenalty((nn.Module<Tensor, Tensor>)model[1], 0.5);

        var e = Assert.Throws<InvalidOperationException>(() => penalty.Compute());

        Assert.Equal("ActivityPenalty has no activations: call the model on a batch before computing the penalty.", e.Message);
    }
}
