namespace Regularizers.Reference.Augmentation;

/// <summary>
/// One image's affine warp: rotation θ = <paramref name="Degrees"/> counter-clockwise as displayed, translation
/// (<paramref name="TranslateX"/>, <paramref name="TranslateY"/>) in pixels (right, down), <paramref name="Scale"/> s,
/// shears φx = <paramref name="ShearX"/> and φy = <paramref name="ShearY"/> in degrees.
/// </summary>
public sealed record AffineParameters(double Degrees = 0, double TranslateX = 0, double TranslateY = 0, double Scale = 1, double ShearX = 0, double ShearY = 0);
