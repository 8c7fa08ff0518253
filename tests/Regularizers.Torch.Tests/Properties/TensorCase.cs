using System.Globalization;
using CsCheck;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// A generated tensor: its shape, dtype and values, kept as plain data so that CsCheck can shrink a failing case (fewer
/// dimensions, smaller sizes, simpler values) and print it. <see cref="Create"/> builds a fresh tensor each call.
/// </summary>
public sealed record TensorCase(long[] Shape, ScalarType Dtype, double[] Values)
{
    /// <summary>Shapes of rank 1 to 4 with every size 1 to 6 (so batches of 1 come up), float32 or float64, values in ±scale.</summary>
    public static Gen<TensorCase> Floating(int minRank = 1, int maxRank = 4, double scale = 10) =>
        from shape in Gen.Int[minRank, maxRank].SelectMany(rank => Gen.Long[1, 6].Array[rank])
        from dtype in Dtypes
        from values in Gen.Double[-scale, scale].Array[(int)shape.Aggregate(1L, (a, b) => a * b)]
        select new TensorCase(shape, dtype, values);

    /// <summary>float32 or float64, the dtypes every regularizer supports.</summary>
    public static Gen<ScalarType> Dtypes { get; } = Gen.OneOf(Gen.Const(ScalarType.Float32), Gen.Const(ScalarType.Float64));

    /// <summary>The values as the tensor holds them: rounded to float32 when that is the dtype.</summary>
    public double[] Stored => Dtype == ScalarType.Float32 ? Values.Select(v => (double)(float)v).ToArray() : Values;

    /// <summary>Whether every element of <paramref name="t"/> is finite (disposing what it computes).</summary>
    public static bool AllFinite(Tensor t)
    {
        using var finite = t.isfinite();
        using var all = finite.all();
        return all.item<bool>();
    }

    /// <summary>The elements of <paramref name="t"/> as float64, flattened (disposing what it computes).</summary>
    public static double[] ToDoubles(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

    /// <summary>The number of elements.</summary>
    public long Count => Values.Length;

    /// <summary>The relative tolerance of arithmetic in this case's dtype.</summary>
    public double Tolerance => Dtype == ScalarType.Float32 ? 1e-5 : 1e-12;

    /// <summary>A new tensor with this case's shape, dtype and values; the caller disposes it.</summary>
    public Tensor Create()
    {
        using var flat = tensor(Values, dtype: ScalarType.Float64);
        using var shaped = flat.reshape(Shape);
        return shaped.to_type(Dtype);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Dtype} [{string.Join(", ", Shape)}] {{{string.Join(", ", Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}}}");
}
