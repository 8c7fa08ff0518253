using Regularizers.Torch.Constraints;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Penalties;
using TorchSharp.Modules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Modules;

/// <summary>Hard parameter sharing: one tensor at several positions, stepped once, penalised once, saved and loaded shared.</summary>
public sealed class ParameterSharingTests
{
    private static (Sequential Model, Linear Shared) TwiceUsed(long seed = 0)
    {
        manual_seed(seed);
        var shared = nn.Linear(4, 4);
        return (nn.Sequential(("first", shared), ("act", nn.Tanh()), ("second", shared)), shared);
    }

    [Fact]
    public void SameModuleAtTwoPositions_ParametersListItOnceStateUnderBothNames()
    {
        var (model, _) = TwiceUsed();

        Assert.Equal(["first.weight", "first.bias"], model.named_parameters().Select(p => p.name));
        Assert.Equal(["first.weight", "first.bias"], model.state_dict().Keys);
        Assert.Equal([["first.weight", "second.weight"], ["first.bias", "second.bias"]], ParameterSharing.SharedGroups(model));
    }

    [Fact]
    public void OptimizerOverModelParameters_StepsSharedTensorOnceWithTheSummedGradient()
    {
        var (model, shared) = TwiceUsed(1);
        using var x = randn(8, 4);
        var before = Values(shared.weight);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        model.call(x).square().sum().backward();
        var gradient = Values(shared.weight.grad!);
        optimizer.step();

        // Autograd adds both positions' contributions into the one .grad; the step is w − 0.1·(sum), once.
        var after = Values(shared.weight);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i] - (0.1f * gradient[i]), after[i], 1e-6f);
        }
    }

    [Fact]
    public void Share_TwoLinears_ComputeWithOneSetOfWeights()
    {
        manual_seed(2);
        using var source = nn.Linear(4, 3);
        using var target = nn.Linear(4, 3);
        using var x = randn(5, 4);

        ParameterSharing.Share(source, target);

        Assert.Same(source.weight, target.weight);
        Assert.Same(source.bias, target.bias);
        Assert.Equal(Values(source.call(x)), Values(target.call(x)));
    }

    [Fact]
    public void Tie_OutputLayerToEmbedding_ScoresAreDotProductsWithTheEmbeddingsAndOneTensorIsStepped()
    {
        manual_seed(3);
        var embedding = nn.Embedding(10, 4);
        var output = nn.Linear(4, 10, hasBias: false);
        using var model = nn.Sequential(("embed", embedding), ("out", output));
        using var tokens = tensor(new long[] { 2, 7 });

        ParameterSharing.Tie(embedding, "weight", output, "weight");
        using var hidden = embedding.call(tokens);
        using var scores = output.call(hidden);
        using var expected = hidden.matmul(embedding.weight!.t());

        Assert.Equal(Values(expected), Values(scores));
        Assert.Equal(["embed.weight"], model.named_parameters().Select(p => p.name));
        Assert.Equal([["embed.weight", "out.weight"]], ParameterSharing.SharedGroups(model));
        using (no_grad())
        {
            embedding.weight!.mul_(2);
        }
        Assert.Equal(Values(embedding.weight!), Values(output.weight));
    }

    [Fact]
    public void Share_ShapesDisagree_ThrowsNamingBothShapes()
    {
        using var source = nn.Linear(4, 3);
        using var target = nn.Linear(4, 5);

        var error = Assert.Throws<ArgumentException>(() => ParameterSharing.Share(source, target));

        Assert.StartsWith("Cannot share weight: target's weight has shape [5, 4] but source's weight has shape [3, 4].", error.Message);
    }

    [Fact]
    public void Share_ParameterNamesDisagree_ThrowsListingBoth()
    {
        using var source = nn.Linear(4, 3);
        using var target = nn.Linear(4, 3, hasBias: false);

        var error = Assert.Throws<ArgumentException>(() => ParameterSharing.Share(source, target));

        Assert.StartsWith("target must have the same parameters as source to share them; source has [weight, bias], target has [weight].", error.Message);
    }

    [Fact]
    public void Tie_UnknownName_ThrowsListingTheParameters()
    {
        using var target = nn.Linear(4, 3);
        using var other = nn.Linear(4, 3);

        var error = Assert.Throws<ArgumentException>(() => ParameterSharing.Tie(other, "weight", target, "kernel"));

        Assert.StartsWith("targetName must be one of Linear's parameters [weight, bias]. Received: targetName=kernel.", error.Message);
    }

    [Fact]
    public void SaveAndLoad_IntoAModelBuiltWithTheSameSharing_KeepsOneTensor()
    {
        var (model, _) = TwiceUsed(4);
        var path = Path.Combine(Path.GetTempPath(), $"shared-{Guid.NewGuid():N}.bin");
        try
        {
            model.save(path);
            var (loaded, shared) = TwiceUsed(5);

            loaded.load(path);

            Assert.Same(((Linear)loaded[0]).weight, ((Linear)loaded[2]).weight);
            Assert.Same(shared.weight, ((Linear)loaded[2]).weight);
            Assert.Equal(Values(((Linear)model[0]).weight), Values(shared.weight));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadStateDict_EntriesOfASharedTensorDiffer_Throws()
    {
        var (model, _) = TwiceUsed(6);
        manual_seed(7);
        using var unshared = nn.Sequential(("first", nn.Linear(4, 4)), ("act", nn.Tanh()), ("second", nn.Linear(4, 4)));

        var error = Assert.Throws<ArgumentException>(() => ParameterSharing.LoadStateDict(model, unshared.state_dict()));

        Assert.StartsWith("state's first.weight and second.weight differ, but the model shares one tensor between them: the state was not saved from a model with this sharing.", error.Message);
    }

    [Fact]
    public void LoadStateDict_FromAnUnsharedModelWithEqualEntries_LoadsThemIntoTheOneTensor()
    {
        var (model, shared) = TwiceUsed(8);
        manual_seed(9);
        var first = nn.Linear(4, 4);
        var second = nn.Linear(4, 4);
        using (no_grad())
        {
            second.weight.copy_(first.weight);
            second.bias!.copy_(first.bias!);
        }
        using var unshared = nn.Sequential(("first", first), ("act", nn.Tanh()), ("second", second));

        ParameterSharing.LoadStateDict(model, unshared.state_dict());

        Assert.Equal(Values(first.weight), Values(shared.weight));
        Assert.Same(((Linear)model[0]).weight, ((Linear)model[2]).weight);
    }

    [Fact]
    public void L2Penalty_OnASharedTensor_CountsItOnce()
    {
        var (model, shared) = TwiceUsed(10);
        var weight = Values(shared.weight);

        var value = Scalar(new L2Penalty(2.0).Compute(model));

        Assert.Equal(weight.Sum(w => (double)w * w), value, 1e-5);
    }

    [Fact]
    public void L1Proximal_OnASharedTensor_ShrinksItOnce()
    {
        var (model, shared) = TwiceUsed(11);
        var weight = Values(shared.weight);

        new L1Proximal(new L1Penalty(0.5), 0.1).Apply(model);

        var expected = weight.Select(w => MathF.Sign(w) * MathF.Max(MathF.Abs(w) - 0.05f, 0)).ToArray();
        Assert.Equal(expected, Values(shared.weight));
    }
}
