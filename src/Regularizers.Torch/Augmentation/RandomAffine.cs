using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>
/// Random affine augmentation (Goodfellow et al. §7.4; seed 004 §2.1): in training, image n of a batch <c>[N, C, H, W]</c>
/// is warped by its own draw of rotation, translation, scale and shear from <see cref="RandomAffineOptions"/>, all
/// images in one <see cref="AffineWarp.warp"/> pass (the map and <c>align_corners</c> semantics are written there);
/// in eval mode it is the identity. The draws are one <c>rand([N, 6])</c> from the given generator (torch's default
/// when null), so <c>manual_seed</c> reproduces a run. TorchVision 0.107's <c>RandomAffine</c>/<c>RandomRotation</c>
/// draw once per call, so every image of a batch gets the same warp; this module does not.
/// </summary>
public sealed class RandomAffine : nn.Module<Tensor, Tensor>
{
    private readonly Generator? _generator;

    /// <summary>Creates the module; every range is checked here.</summary>
    public RandomAffine(RandomAffineOptions options, Generator? generator = null) : base(nameof(RandomAffine))
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.Range(options.Degrees, -180, 180, nameof(options.Degrees));
        Guard.InRange(options.Translate.X, 0, true, 1, true, "Translate.X");
        Guard.InRange(options.Translate.Y, 0, true, 1, true, "Translate.Y");
        Guard.Range(options.Scale, 0.01, 100, nameof(options.Scale));
        Guard.Range(options.ShearX, -89, 89, nameof(options.ShearX));
        Guard.Range(options.ShearY, -89, 89, nameof(options.ShearY));
        Guard.Finite(options.Fill, nameof(options.Fill));
        this.options = options;
        _generator = generator;
    }

    /// <summary>The ranges drawn from.</summary>
    public RandomAffineOptions options { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ImageBatch.Check(input);
        if (!training)
        {
            return input.alias();
        }
        using var scope = NewDisposeScope();
        var u = rand(new long[] { input.shape[0], 6 }, ScalarType.Float64, generator: _generator);
        static Tensor Between(Tensor u, (double Min, double Max) range) => range.Min + ((range.Max - range.Min) * u);
        var (w, h) = (input.shape[3], input.shape[2]);
        var degrees = Between(u[.., 0], options.Degrees);
        var translate = stack([Between(u[.., 1], (-options.Translate.X * w, options.Translate.X * w)), Between(u[.., 2], (-options.Translate.Y * h, options.Translate.Y * h))], 1);
        var scale = Between(u[.., 3], options.Scale);
        var shear = stack([Between(u[.., 4], options.ShearX), Between(u[.., 5], options.ShearY)], 1);
        return AffineWarp.warp(input, degrees, translate, scale, shear, options.Fill).MoveToOuterDisposeScope();
    }
}
