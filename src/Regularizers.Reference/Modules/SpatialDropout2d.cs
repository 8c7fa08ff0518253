namespace Regularizers.Reference.Modules;

/// <summary>
/// Channel dropout of a feature map [N, C, H, W] (row-major): training gives <c>yₙ,c,h,w = xₙ,c,h,w·mₙ,c·s</c> with one
/// keep value per example and channel and <c>s = 1/(1−p)</c> (inverted) or 1 (classic); inference gives <c>x</c> or
/// <c>x·(1−p)</c>. It is <see cref="DropPath"/> with the N·C channels as its examples.
/// </summary>
public static class SpatialDropout2d
{
    /// <summary>The layer's output for <paramref name="x"/> holding <paramref name="channels"/> = N·C channels and their keep values <paramref name="mask"/>.</summary>
    public static double[] Forward(ReadOnlySpan<double> x, int channels, ReadOnlySpan<double> mask, double p, DropoutScaling scaling, bool training) =>
        DropPath.Forward(x, channels, mask, p, scaling, training);
}
