using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace Regularizers.ML;

/// <summary>
/// Reads a feature-vector column and a label column of a data view into arrays through one cursor, checking types and
/// values with messages that name the column (so bad input never reaches torch).
/// </summary>
internal static class ColumnReader
{
    /// <summary>The feature width of <paramref name="schema"/>'s feature column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing.</exception>
    /// <exception cref="ArgumentException">It is not a known-size vector of Single.</exception>
    public static int FeatureCount(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Feature column '{name}' not found. Columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        return column.Type is VectorDataViewType { ItemType: var item, IsKnownSize: true } vector && item.Equals(NumberDataViewType.Single)
            ? vector.Size
            : throw new ArgumentException($"Feature column '{name}' has type {column.Type}; a vector of Single of known size is needed (use Concatenate).", nameof(schema));
    }

    /// <summary>
    /// All rows' features as a float tensor [N, D], written row by row into the tensor's storage (no managed copy of
    /// the whole matrix, so reading 20,000 images does not trigger a large-object garbage collection).
    /// </summary>
    public static Tensor Features(IDataView data, string name, int width)
    {
        var column = data.Schema[name];
        var rows = data.GetRowCount() ?? Count(data, column);
        var x = zeros(rows, width);
        using var accessor = x.data<float>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var row = default(VBuffer<float>);
        var dense = new float[width];
        long index = 0;
        try
        {
            while (cursor.MoveNext())
            {
                getter(ref row);
                Dense(row, dense, name, cursor.Position);
                CheckFinite(dense, name, cursor.Position);
                accessor.CopyFrom((ReadOnlySpan<float>)dense, 0, index * width);
                index++;
            }
        }
        catch
        {
            x.Dispose();
            throw;
        }
        return x;
    }

    /// <summary>
    /// Copies one row's feature vector into <paramref name="dense"/> (zeros where the vector is sparse). A vector whose
    /// length differs from the declared width, which a <c>PredictionEngine</c> lets through from a user's array,
    /// is an error rather than being padded or cut.
    /// </summary>
    /// <exception cref="InvalidOperationException">The vector's length is not <c>dense.Length</c>.</exception>
    public static void Dense(in VBuffer<float> row, float[] dense, string name, long position)
    {
        if (row.Length != dense.Length)
        {
            throw new InvalidOperationException(
                $"Feature column '{name}' has {row.Length} values in row {position}; the model expects {dense.Length}.");
        }
        row.CopyTo(dense);
    }

    /// <summary>Rejects a row whose features hold NaN or ±∞, naming the column, the value and the row.</summary>
    /// <exception cref="InvalidOperationException">A value is not finite.</exception>
    public static void CheckFinite(float[] dense, string name, long position)
    {
        if (!System.Numerics.Tensors.TensorPrimitives.IsFiniteAll<float>(dense))
        {
            throw new InvalidOperationException(
                $"Feature column '{name}' has a non-finite value ({dense.First(v => !float.IsFinite(v))}) in row {position}; replace or drop missing values first.");
        }
    }

    private static long Count(IDataView data, DataViewSchema.Column column)
    {
        using var cursor = data.GetRowCursor([column]);
        long count = 0;
        while (cursor.MoveNext())
        {
            count++;
        }
        return count;
    }

    /// <summary>A vector of Single read row by row (used for scoring, where only the features are needed).</summary>
    public static ValueGetter<VBuffer<float>> FeatureGetter(DataViewRow row, string name) => row.GetGetter<VBuffer<float>>(row.Schema[name]);

    /// <summary>Class indices 0..K−1 from a key label (keys 1..K); key 0 (missing) is an error.</summary>
    public static long[] ClassLabels(IDataView data, string name, out int classes)
    {
        var column = Label(data.Schema, name);
        if (column.Type is not KeyDataViewType { RawType: var raw } key || raw != typeof(uint))
        {
            throw new ArgumentException($"Label column '{name}' has type {column.Type}; a key column (MapValueToKey) is needed for multiclass classification.", nameof(data));
        }
        classes = checked((int)key.Count);
        var labels = new List<long>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<uint>(column);
        uint value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            labels.Add(value >= 1 && value <= key.Count
                ? value - 1
                : throw new InvalidOperationException($"Label column '{name}' has key {value} in row {cursor.Position}, outside 1..{key.Count} (0 means missing)."));
        }
        return [.. labels];
    }

    /// <summary>Regression targets from a Single label; NaN is an error.</summary>
    public static float[] Targets(IDataView data, string name)
    {
        var column = Label(data.Schema, name);
        if (!column.Type.Equals(NumberDataViewType.Single))
        {
            throw new ArgumentException($"Label column '{name}' has type {column.Type}; Single is needed for regression.", nameof(data));
        }
        return Read<float>(data, column, (v, row) => float.IsFinite(v) ? v
            : throw new InvalidOperationException($"Label column '{name}' has a non-finite value ({v}) in row {row}."));
    }

    /// <summary>Example weights from a Single column; a negative, NaN or infinite weight, or a total of 0, is an error.</summary>
    public static float[] Weights(IDataView data, string name)
    {
        var column = data.Schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(data), $"Example weight column '{name}' not found. Columns: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        if (!column.Type.Equals(NumberDataViewType.Single))
        {
            throw new ArgumentException($"Example weight column '{name}' has type {column.Type}; Single is needed.", nameof(data));
        }
        var weights = Read<float>(data, column, (v, row) => float.IsFinite(v) && v >= 0 ? v
            : throw new InvalidOperationException($"Example weight column '{name}' has {v} in row {row}; weights must be finite and greater than or equal to 0."));
        return weights.Sum(w => (double)w) > 0 ? weights : throw new InvalidOperationException($"Example weight column '{name}' has no positive weight; at least one row must weigh more than 0.");
    }

    /// <summary>0/1 class indices from a Boolean label.</summary>
    public static long[] BinaryLabels(IDataView data, string name)
    {
        var column = Label(data.Schema, name);
        if (!column.Type.Equals(BooleanDataViewType.Instance))
        {
            throw new ArgumentException($"Label column '{name}' has type {column.Type}; Boolean is needed for binary classification.", nameof(data));
        }
        return Read<bool>(data, column, (v, _) => v ? 1L : 0L);
    }

    private static DataViewSchema.Column Label(DataViewSchema schema, string name) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Label column '{name}' not found. Columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");

    private static TOut[] Read<TIn, TOut>(IDataView data, DataViewSchema.Column column, Func<TIn, long, TOut> convert)
    {
        var values = new List<TOut>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<TIn>(column);
        TIn value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(convert(value, cursor.Position));
        }
        return [.. values];
    }

    private static float[] Read<T>(IDataView data, DataViewSchema.Column column, Func<T, long, float> convert) => Read<T, float>(data, column, convert);

    private static long[] Read<T>(IDataView data, DataViewSchema.Column column, Func<T, long, long> convert) => Read<T, long>(data, column, convert);
}
