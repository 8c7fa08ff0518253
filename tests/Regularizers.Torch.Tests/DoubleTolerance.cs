namespace Regularizers.Torch.Tests;

/// <summary>Compares doubles within an absolute-plus-relative tolerance.</summary>
internal sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(y));

    public int GetHashCode(double obj) => 0;
}
