namespace Regularizers.Reference.Tests;

/// <summary>Seeded random matrices for the closed-form and finite-difference checks.</summary>
internal static class Matrices
{
    /// <summary>A matrix of values drawn uniformly from [−scale, scale).</summary>
    public static Matrix Random(int rows, int cols, Random random, double scale = 1)
    {
        var m = new Matrix(rows, cols);
        for (var i = 0; i < m.Data.Length; i++)
        {
            m.Data[i] = ((2 * random.NextDouble()) - 1) * scale;
        }
        return m;
    }
}
