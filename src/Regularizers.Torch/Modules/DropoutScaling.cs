namespace Regularizers.Torch.Modules;

/// <summary>
/// Where a dropout-like layer puts the factor 1/(1−p) that keeps training and inference consistent (p is the drop
/// probability): the library's two dropout conventions, for <see cref="DropPath"/> and <see cref="SpatialDropout2d"/>.
/// </summary>
public enum DropoutScaling
{
    /// <summary>Training <c>x·m/(1−p)</c>, inference <c>x</c> (as <see cref="InvertedDropout"/>; timm's <c>scale_by_keep=True</c>).</summary>
    Inverted,

    /// <summary>Training <c>x·m</c>, inference <c>x·(1−p)</c>, the weight-scaling rule (as <see cref="ClassicDropout"/>).</summary>
    Classic,
}
