namespace Regularizers.Torch.Tests;

/// <summary>Compares floats within an absolute-plus-relative tolerance.</summary>
internal sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(y));

    public int GetHashCode(float obj) => 0;
}
