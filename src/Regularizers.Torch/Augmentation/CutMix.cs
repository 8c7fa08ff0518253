using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>
/// CutMix (Yun et al. 2019, "CutMix: Regularization Strategy to Train Strong Classifiers with Localizable Features"):
/// with a random permutation π and each image's own <c>λᵢ ~ Beta(α, α)</c>, a box of <c>round(H·√(1−λ))</c> ×
/// <c>round(W·√(1−λ))</c> pixels centred at a uniform pixel, clipped to the image, is pasted from image π(i) into image i,
/// and the targets mix by the area actually pasted: <c>ỹᵢ = λ′ᵢ·yᵢ + (1 − λ′ᵢ)·y_π(i)</c>,
/// <c>λ′ᵢ = 1 − (box area)/(H·W)</c>. Inputs are image batches [N, C, H, W]; draws come from the given generator.
/// </summary>
public sealed class CutMix : IBatchTransform
{
    private readonly Generator? _generator;

    /// <summary>Creates the transform: α &gt; 0 (default 1, the paper's), the number of classes K ≥ 2.</summary>
    public CutMix(int classes, double alpha = 1, Generator? generator = null)
    {
        Classes = Guard.AtLeast(classes, 2);
        Alpha = Guard.Positive(alpha);
        _generator = generator;
    }

    /// <summary>α of the Beta distribution.</summary>
    public double Alpha { get; }

    /// <summary>K.</summary>
    public int Classes { get; }

    /// <inheritdoc />
    public (Tensor Input, Tensor Target) Apply(Tensor input, Tensor target)
    {
        ImageBatch.Check(input);
        ArgumentNullException.ThrowIfNull(target);
        using var scope = NewDisposeScope();
        var (n, height, width) = (input.shape[0], input.shape[2], input.shape[3]);
        var side = (1 - BetaSample.Draw(n, Alpha, _generator)).sqrt();
        var centres = rand(new long[] { n, 2 }, ScalarType.Float64, generator: _generator);
        var permutation = randperm(n, generator: _generator);
        var (cutH, cutW) = ((side * height).round(), (side * width).round());
        var (cy, cx) = ((centres[.., 0] * height).floor(), (centres[.., 1] * width).floor());
        var (top, bottom) = ((cy - (cutH / 2).floor()).clamp(0, height), (cy + (cutH / 2).floor()).clamp(0, height));
        var (left, right) = ((cx - (cutW / 2).floor()).clamp(0, width), (cx + (cutW / 2).floor()).clamp(0, width));
        var boxes = stack([top, left, bottom - top, right - left], 1).to_type(ScalarType.Int64);
        var (x, y) = cut(input, SoftTargets.Of(target, Classes, input.dtype), boxes, permutation);
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Pastes, into image i, the box <c>boxes[i] = (top, left, h, w)</c> of image <c>permutation[i]</c>, and mixes the
    /// targets [N, K] with <c>λ′ = 1 − h·w/(H·W)</c>.
    /// </summary>
    public static (Tensor Input, Tensor Target) cut(Tensor input, Tensor target, Tensor boxes, Tensor permutation)
    {
        ImageBatch.Check(input);
        using var scope = NewDisposeScope();
        var x = RandomErasing.erase(input, boxes, input.index_select(0, permutation));
        var b = boxes.to(ScalarType.Float64);
        var kept = (1 - (b[.., 2] * b[.., 3] / (input.shape[2] * input.shape[3]))).to(target.dtype, target.device).view(-1, 1);
        var y = (kept * target) + ((1 - kept) * target.index_select(0, permutation));
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }
}
