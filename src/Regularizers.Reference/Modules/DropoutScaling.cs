namespace Regularizers.Reference.Modules;

/// <summary>Where a dropout-like layer puts the factor 1/(1−p) (p is the drop probability).</summary>
public enum DropoutScaling
{
    /// <summary>Training <c>x·m/(1−p)</c>, inference <c>x</c>.</summary>
    Inverted,

    /// <summary>Training <c>x·m</c>, inference <c>x·(1−p)</c>.</summary>
    Classic,
}
