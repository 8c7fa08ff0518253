using Regularizers.Torch.Augmentation;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Tests.Stack;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Augmentation;

/// <summary>MixUp, CutMix and soft-target cross-entropy with label smoothing against PyTorch 1.13 (Stack/golden/make_mix_golden.py).</summary>
public sealed class MixGoldenTests
{
    private static readonly Golden Data = Golden.Load("mix_golden.json");

    private static float[] Case(string name) => Data.Entry("cases", name).Values.Select(v => (float)v).ToArray();

    private static Tensor Indices(string name)
    {
        var (shape, values) = Data.Entry("inputs", name);
        return tensor(values.Select(v => (long)v).ToArray(), shape);
    }

    private static Tensor OneHot() => nn.functional.one_hot(Indices("target"), 4).to_type(ScalarType.Float32);

    [Fact]
    public void Mix_GoldenLambdasAndPermutation_EqualPyTorch()
    {
        using var scope = NewDisposeScope();
        var (x, y) = MixUp.mix(Data.Input("x"), OneHot(), Data.Input("lambdas"), Indices("permutation"));

        Assert.Equal(Case("mixup_x"), Values(x), new FloatTolerance(1e-6f));
        Assert.Equal(Case("mixup_y"), Values(y), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Cut_GoldenBoxesAndPermutation_EqualPyTorch()
    {
        using var scope = NewDisposeScope();
        var (x, y) = CutMix.cut(Data.Input("x"), OneHot(), Indices("boxes"), Indices("permutation"));

        Assert.Equal(Case("cutmix_x"), Values(x));
        Assert.Equal(Case("cutmix_y"), Values(y), new FloatTolerance(1e-6f));
    }

    [Theory]
    [InlineData(0.0, LabelSmoothing.Uniform, "soft_ce")]
    [InlineData(0.1, LabelSmoothing.Uniform, "soft_ce_uniform_0.1")]
    [InlineData(0.1, LabelSmoothing.OtherClasses, "soft_ce_others_0.1")]
    public void LabelSmoothingCrossEntropy_MixedSoftTargets_EqualsPyTorch(double epsilon, LabelSmoothing mode, string name)
    {
        using var scope = NewDisposeScope();
        var mixed = tensor(Case("mixup_y"), new long[] { 5, 4 });

        var loss = new LabelSmoothingCrossEntropy(epsilon, mode).call(Data.Input("logits"), mixed);

        Assert.Equal(Case(name)[0], Values(loss)[0], new FloatTolerance(1e-6f));
    }

    [Fact]
    public void LabelSmoothingCrossEntropy_MixedSoftTargets_GradientEqualsPyTorch()
    {
        using var scope = NewDisposeScope();
        var logits = Data.Input("logits").requires_grad_();

        new LabelSmoothingCrossEntropy(0.1).call(logits, tensor(Case("mixup_y"), new long[] { 5, 4 })).backward();

        Assert.Equal(Case("grad_soft_ce_uniform_0.1"), Values(logits.grad!), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void LabelSmoothingCrossEntropy_MixedSoftTargets_IsTheClosedForm()
    {
        using var scope = NewDisposeScope();
        // −(1/N)·Σᵢ Σₖ qᵢₖ·log softmax(zᵢ)ₖ with q = (1 − ε)·ỹ + ε/K, written out.
        var logits = Data.Input("logits");
        var mixed = Case("mixup_y");
        var logp = Values(logits.log_softmax(1));
        var expected = -Enumerable.Range(0, 20).Sum(j => (((1 - 0.1) * mixed[j]) + (0.1 / 4)) * logp[j]) / 5;

        Assert.Equal(expected, Scalar(new LabelSmoothingCrossEntropy(0.1).call(logits, tensor(mixed, new long[] { 5, 4 }))), 5);
    }
}
