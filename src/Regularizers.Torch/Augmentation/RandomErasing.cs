using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>
/// Random erasing (Zhong et al. 2020, "Random Erasing Data Augmentation"): in training, each image of a batch
/// <c>[N, C, H, W]</c> is, with its own probability-p draw, given one rectangle of area <c>s·H·W</c> with s uniform in
/// <see cref="scale"/> and aspect <c>h/w = r</c> with ln r uniform in <c>ln</c> <see cref="ratio"/>
/// (<c>h = round(√(s·H·W·r))</c>, <c>w = round(√(s·H·W/r))</c>), placed uniformly where it fits; up to 10 draws are
/// tried per image and an image none of whose draws fits (h &lt; H and w &lt; W) is left whole. The rectangle is set to
/// <see cref="value"/> on every channel, or to N(0, 1) noise per pixel and channel when value is null. Eval mode is the
/// identity. All draws come from the given generator (torch's default when null), all images in one pass.
/// </summary>
public sealed class RandomErasing : nn.Module<Tensor, Tensor>
{
    private const int Attempts = 10;
    private readonly Generator? _generator;

    /// <summary>
    /// Creates the module: p in [0, 1]; scale a range within [0, 1] (default (0.02, 0.33)); ratio a range within
    /// [0.01, 100] (default (0.3, 3.3)); value the fill, or null for N(0, 1) noise.
    /// </summary>
    public RandomErasing(double p = 0.5, (double Min, double Max)? scale = null, (double Min, double Max)? ratio = null, double? value = 0, Generator? generator = null)
        : base(nameof(RandomErasing))
    {
        this.p = Guard.InRange(p, 0, true, 1, true);
        this.scale = Guard.Range(scale ?? (0.02, 0.33), 0, 1, nameof(scale));
        this.ratio = Guard.Range(ratio ?? (0.3, 3.3), 0.01, 100, nameof(ratio));
        this.value = value is { } v ? Guard.Finite(v, nameof(value)) : null;
        _generator = generator;
    }

    /// <summary>The probability that an image gets a rectangle.</summary>
    public double p { get; }

    /// <summary>The range of the rectangle's area as a fraction of the image.</summary>
    public (double Min, double Max) scale { get; }

    /// <summary>The range of the rectangle's aspect h/w.</summary>
    public (double Min, double Max) ratio { get; }

    /// <summary>The value written into the rectangle; null writes N(0, 1) noise.</summary>
    public double? value { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ImageBatch.Check(input);
        if (!training)
        {
            return input.alias();
        }
        using var scope = NewDisposeScope();
        var boxes = Boxes(input.shape[0], input.shape[2], input.shape[3]);
        var fill = value is { } v ? tensor(v, input.dtype, input.device) : empty_like(input).normal_(0, 1, _generator);
        return erase(input, boxes, fill).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Sets, in image n, rows <c>top ≤ r &lt; top + h</c> and columns <c>left ≤ c &lt; left + w</c> of every channel to
    /// <paramref name="fill"/> (broadcast against the input), where <c>boxes[n] = (top, left, h, w)</c> is an int64
    /// tensor <c>[N, 4]</c>; h = 0 leaves the image whole.
    /// </summary>
    public static Tensor erase(Tensor input, Tensor boxes, Tensor fill)
    {
        ImageBatch.Check(input);
        using var scope = NewDisposeScope();
        var b = boxes.to(ScalarType.Int64, input.device).view(-1, 4, 1, 1);
        var rows = arange(input.shape[2], ScalarType.Int64, input.device).view(1, -1, 1);
        var cols = arange(input.shape[3], ScalarType.Int64, input.device).view(1, 1, -1);
        var (top, left, h, w) = (b[.., 0], b[.., 1], b[.., 2], b[.., 3]);
        var inside = rows.ge(top).logical_and(rows.lt(top + h)).logical_and(cols.ge(left)).logical_and(cols.lt(left + w));
        return where(inside.unsqueeze(1), fill.to(input.dtype), input).MoveToOuterDisposeScope();
    }

    private Tensor Boxes(long n, long height, long width)
    {
        var area = (double)(height * width);
        var u = rand(new long[] { n, Attempts, 4 }, ScalarType.Float64, generator: _generator);
        var target = area * (scale.Min + ((scale.Max - scale.Min) * u[.., .., 0]));
        var (logMin, logMax) = (Math.Log(ratio.Min), Math.Log(ratio.Max));
        var aspect = (logMin + ((logMax - logMin) * u[.., .., 1])).exp();
        var h = (target * aspect).sqrt().round();
        var w = (target / aspect).sqrt().round();
        var fits = h.lt(height).logical_and(w.lt(width));
        var first = fits.to_type(ScalarType.Int64).argmax(1, keepdim: true);
        Tensor Pick(Tensor t) => t.gather(1, first).squeeze(1);
        var erased = fits.any(1).logical_and(rand(new long[] { n }, ScalarType.Float64, generator: _generator).lt(p));
        var (hs, ws) = (Pick(h) * erased, Pick(w) * erased);
        var top = (Pick(u[.., .., 2]) * (height - hs + 1)).floor();
        var left = (Pick(u[.., .., 3]) * (width - ws + 1)).floor();
        return stack([top, left, hs, ws], 1).to_type(ScalarType.Int64);
    }
}
