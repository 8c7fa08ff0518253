using System.Numerics.Tensors;

namespace Regularizers.Reference;

/// <summary>
/// A dense row-major matrix of doubles: element (r, c) is <c>Data[r·Cols + c]</c>. A weight matrix is stored as
/// PyTorch stores it, <c>[out, in]</c>, so row r holds output unit r's incoming weights.
/// </summary>
public sealed class Matrix
{
    /// <summary>A zero matrix.</summary>
    public Matrix(int rows, int cols)
        : this(rows, cols, new double[checked(rows * cols)])
    {
    }

    /// <summary>Wraps <paramref name="data"/> (not copied).</summary>
    /// <exception cref="ArgumentException">The length is not <c>rows·cols</c>.</exception>
    public Matrix(int rows, int cols, double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows < 0 || cols < 0 || data.Length != rows * cols)
        {
            throw new ArgumentException($"A {rows}×{cols} matrix needs {rows * cols} values; received {data.Length}.", nameof(data));
        }
        (Rows, Cols, Data) = (rows, cols, data);
    }

    /// <summary>Rows.</summary>
    public int Rows { get; }

    /// <summary>Columns.</summary>
    public int Cols { get; }

    /// <summary>The values, row-major.</summary>
    public double[] Data { get; }

    /// <summary>Element (r, c).</summary>
    public double this[int r, int c]
    {
        get => Data[(r * Cols) + c];
        set => Data[(r * Cols) + c] = value;
    }

    /// <summary>Row r as a span.</summary>
    public Span<double> Row(int r) => Data.AsSpan(r * Cols, Cols);

    /// <summary>A deep copy.</summary>
    public Matrix Clone() => new(Rows, Cols, (double[])Data.Clone());

    /// <summary><c>A·Bᵀ</c>: [n, k]·[m, k]ᵀ = [n, m] — an affine layer's <c>x·Wᵀ</c>.</summary>
    public static Matrix MultiplyTransposed(Matrix a, Matrix b)
    {
        Require(a.Cols == b.Cols, a, b, "A·Bᵀ");
        var result = new Matrix(a.Rows, b.Rows);
        for (var i = 0; i < a.Rows; i++)
        {
            var row = a.Row(i);
            for (var j = 0; j < b.Rows; j++)
            {
                result[i, j] = TensorPrimitives.Dot<double>(row, b.Row(j));
            }
        }
        return result;
    }

    /// <summary><c>A·B</c>: [n, k]·[k, m] = [n, m] — backpropagating <c>dY·W</c>.</summary>
    public static Matrix Multiply(Matrix a, Matrix b)
    {
        Require(a.Cols == b.Rows, a, b, "A·B");
        var result = new Matrix(a.Rows, b.Cols);
        for (var i = 0; i < a.Rows; i++)
        {
            var target = result.Row(i);
            for (var k = 0; k < a.Cols; k++)
            {
                var scale = a[i, k];
                if (scale != 0)
                {
                    TensorPrimitives.MultiplyAdd<double>(b.Row(k), scale, target, target);
                }
            }
        }
        return result;
    }

    /// <summary><c>Aᵀ·B</c>: [n, k]ᵀ·[n, m] = [k, m] — a weight gradient <c>dYᵀ·X</c>.</summary>
    public static Matrix TransposedMultiply(Matrix a, Matrix b)
    {
        Require(a.Rows == b.Rows, a, b, "Aᵀ·B");
        var result = new Matrix(a.Cols, b.Cols);
        for (var n = 0; n < a.Rows; n++)
        {
            var source = b.Row(n);
            for (var k = 0; k < a.Cols; k++)
            {
                var scale = a[n, k];
                if (scale != 0)
                {
                    var target = result.Row(k);
                    TensorPrimitives.MultiplyAdd<double>(source, scale, target, target);
                }
            }
        }
        return result;
    }

    /// <summary>The n×n identity.</summary>
    public static Matrix Identity(int n)
    {
        var result = new Matrix(n, n);
        for (var i = 0; i < n; i++)
        {
            result[i, i] = 1;
        }
        return result;
    }

    /// <summary><c>Aᵀ</c>.</summary>
    public Matrix Transpose()
    {
        var result = new Matrix(Cols, Rows);
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Cols; c++)
            {
                result[c, r] = this[r, c];
            }
        }
        return result;
    }

    /// <summary><c>A·v</c>: [n, k]·[k] = [n].</summary>
    public double[] Multiply(ReadOnlySpan<double> v)
    {
        if (v.Length != Cols)
        {
            throw new ArgumentException($"A·v is undefined for shapes [{Rows}, {Cols}] and [{v.Length}].", nameof(v));
        }
        var result = new double[Rows];
        for (var r = 0; r < Rows; r++)
        {
            result[r] = TensorPrimitives.Dot<double>(Row(r), v);
        }
        return result;
    }

    /// <summary><c>Aᵀ·v</c>: [n, k]ᵀ·[n] = [k].</summary>
    public double[] TransposedMultiply(ReadOnlySpan<double> v) => Transpose().Multiply(v);

    private static void Require(bool condition, Matrix a, Matrix b, string operation)
    {
        if (!condition)
        {
            throw new ArgumentException($"{operation} is undefined for shapes [{a.Rows}, {a.Cols}] and [{b.Rows}, {b.Cols}].");
        }
    }
}
