namespace Regularizers.Reference.Tests;

/// <summary>The tolerances every comparison states, and the helpers that apply them.</summary>
internal static class Tolerances
{
    /// <summary>
    /// float32 torch against the float64 reference, for values of order 1: float32 has a 6e-8 unit roundoff, and a few
    /// hundred accumulated operations stay well inside 1e-5 relative plus 1e-6 absolute.
    /// </summary>
    public const double TorchRelative = 1e-5;

    /// <inheritdoc cref="TorchRelative"/>
    public const double TorchAbsolute = 1e-6;

    /// <summary>float64 against PyTorch's float64: only summation order differs.</summary>
    public const double Float64 = 1e-12;

    /// <summary>Central differences with step 1e-6 have truncation error O(h²) and roundoff O(ε/h) ≈ 1e-10 relative.</summary>
    public const double FiniteDifference = 1e-6;

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, double absolute)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var bound = absolute + (relative * Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= bound, $"element {i}: expected {expected[i]:R}, actual {actual[i]:R}, bound {bound:G3}");
        }
    }

    public static void CloseToTorch(IReadOnlyList<double> reference, Tensor torchValues) =>
        Close(reference, Doubles(torchValues), TorchRelative, TorchAbsolute);

    public static double[] Doubles(Tensor t) =>
        t.detach().contiguous().to_type(ScalarType.Float64).data<double>().ToArray();

    public static Tensor ToTorch(Matrix m) => tensor(m.Data.Select(v => (float)v).ToArray(), new long[] { m.Rows, m.Cols });

    public static Tensor ToTorch(double[] v) => tensor(v.Select(x => (float)x).ToArray());
}
