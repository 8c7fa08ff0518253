namespace Regularizers.Torch.Augmentation;

/// <summary>
/// The ranges <see cref="RandomAffine"/> draws each image's warp from, uniformly and independently: rotation θ in
/// <see cref="Degrees"/>; translation <c>tx</c> in <c>±Translate.X·W</c> and <c>ty</c> in <c>±Translate.Y·H</c> pixels
/// (not rounded to whole pixels); scale s in <see cref="Scale"/>; shears φx in <see cref="ShearX"/> and φy in
/// <see cref="ShearY"/> degrees. Pixels drawn from outside the image take <see cref="Fill"/>. The defaults are the identity.
/// </summary>
public sealed record RandomAffineOptions
{
    /// <summary>Rotation range in degrees, counter-clockwise as displayed, within [−180, 180]; default (0, 0).</summary>
    public (double Min, double Max) Degrees { get; init; } = (0, 0);

    /// <summary>Largest translation as fractions of the width (X) and height (Y), each in [0, 1]; default (0, 0).</summary>
    public (double X, double Y) Translate { get; init; } = (0, 0);

    /// <summary>Scale range within [0.01, 100]; default (1, 1).</summary>
    public (double Min, double Max) Scale { get; init; } = (1, 1);

    /// <summary>Horizontal shear range in degrees (x′ = x + tan φx·y), within [−89, 89]; default (0, 0).</summary>
    public (double Min, double Max) ShearX { get; init; } = (0, 0);

    /// <summary>Vertical shear range in degrees (y′ = y + tan φy·x), within [−89, 89]; default (0, 0).</summary>
    public (double Min, double Max) ShearY { get; init; } = (0, 0);

    /// <summary>The value of pixels sampled from outside the image; default 0.</summary>
    public double Fill { get; init; }
}
