using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML;

/// <summary>Writes a label column's <c>KeyValues</c> annotation as strings and rebuilds it, for the model file.</summary>
internal static class KeyValuesCodec
{
    private const string Kind = "KeyValues";

    /// <summary>The item type's name and the values as invariant strings, or null when there is no annotation.</summary>
    public static (string Type, string[] Values)? Encode(DataViewSchema.Annotations? annotations)
    {
        var column = annotations?.Schema.GetColumnOrNull(Kind);
        if (column is null || column.Value.Type is not VectorDataViewType vector)
        {
            return null;
        }
        var item = vector.ItemType;
        return item switch
        {
            TextDataViewType => ("Text", Read<ReadOnlyMemory<char>>(annotations!).Select(v => v.ToString()).ToArray()),
            _ when item.Equals(NumberDataViewType.Single) => ("Single", Read<float>(annotations!).Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray()),
            _ when item.Equals(NumberDataViewType.Double) => ("Double", Read<double>(annotations!).Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray()),
            _ when item.Equals(NumberDataViewType.Int32) => ("Int32", Read<int>(annotations!).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray()),
            _ when item.Equals(NumberDataViewType.UInt32) => ("UInt32", Read<uint>(annotations!).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray()),
            _ when item.Equals(NumberDataViewType.Int64) => ("Int64", Read<long>(annotations!).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray()),
            BooleanDataViewType => ("Boolean", Read<bool>(annotations!).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray()),
            _ => throw new NotSupportedException($"Label KeyValues of type {item} cannot be saved; use text, Single, Double, Int32, UInt32, Int64 or Boolean labels."),
        };
    }

    /// <summary>Rebuilds the annotation.</summary>
    public static DataViewSchema.Annotations? Decode((string Type, string[] Values)? encoded)
    {
        if (encoded is not { } e)
        {
            return null;
        }
        var builder = new DataViewSchema.Annotations.Builder();
        switch (e.Type)
        {
            case "Text":
                Add(builder, TextDataViewType.Instance, e.Values.Select(v => v.AsMemory()).ToArray());
                break;
            case "Single":
                Add(builder, NumberDataViewType.Single, e.Values.Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray());
                break;
            case "Double":
                Add(builder, NumberDataViewType.Double, e.Values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
                break;
            case "Int32":
                Add(builder, NumberDataViewType.Int32, e.Values.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray());
                break;
            case "UInt32":
                Add(builder, NumberDataViewType.UInt32, e.Values.Select(v => uint.Parse(v, CultureInfo.InvariantCulture)).ToArray());
                break;
            case "Int64":
                Add(builder, NumberDataViewType.Int64, e.Values.Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray());
                break;
            case "Boolean":
                Add(builder, BooleanDataViewType.Instance, e.Values.Select(bool.Parse).ToArray());
                break;
            default:
                throw new InvalidDataException($"Unknown KeyValues type '{e.Type}' in the model file.");
        }
        return builder.ToAnnotations();
    }

    /// <summary>
    /// The Score column's <c>SlotNames</c> annotation, as ML.NET's multiclass trainers give it: each class's key value as
    /// text (numbers in the invariant culture), or null when the label has no key values for all <paramref name="classes"/>.
    /// </summary>
    public static DataViewSchema.Annotations? SlotNames(DataViewSchema.Annotations? labelAnnotations, int classes)
    {
        if (Encode(labelAnnotations) is not { Values: var names } || names.Length != classes)
        {
            return null;
        }
        var builder = new DataViewSchema.Annotations.Builder();
        var values = names.Select(n => n.AsMemory()).ToArray();
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter = (ref VBuffer<ReadOnlyMemory<char>> destination) =>
            destination = new VBuffer<ReadOnlyMemory<char>>(values.Length, (ReadOnlyMemory<char>[])values.Clone());
        builder.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, values.Length), getter);
        return builder.ToAnnotations();
    }

    private static T[] Read<T>(DataViewSchema.Annotations annotations)
    {
        var buffer = default(VBuffer<T>);
        annotations.GetValue(Kind, ref buffer);
        return buffer.DenseValues().ToArray();
    }

    private static void Add<T>(DataViewSchema.Annotations.Builder builder, PrimitiveDataViewType type, T[] values)
    {
        ValueGetter<VBuffer<T>> getter = (ref VBuffer<T> destination) => destination = new VBuffer<T>(values.Length, (T[])values.Clone());
        builder.Add(Kind, new VectorDataViewType(type, values.Length), getter);
    }
}
