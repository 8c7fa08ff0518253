using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    /// <summary>
    /// Maps a .NET row type's public fields and properties to columns, as ML.NET does: the member name (or
    /// <see cref="ColumnNameAttribute"/>), <c>float[]</c>/<c>double[]</c>/<c>string[]</c> with <see cref="VectorTypeAttribute"/> as vectors,
    /// <c>string</c> as text, <c>uint</c> with <see cref="KeyTypeAttribute"/> as a key.
    /// </summary>
    internal sealed class RowMapping
    {
        private RowMapping(MemberInfo member, string name, DataViewType type)
        {
            Member = member;
            Name = name;
            Type = type;
        }

        public MemberInfo Member { get; }

        public string Name { get; }

        public DataViewType Type { get; }

        public static IReadOnlyList<RowMapping> For(Type rowType) =>
            rowType.GetFields(BindingFlags.Public | BindingFlags.Instance).Cast<MemberInfo>()
                .Concat(rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                .Select(m => new RowMapping(m, m.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? m.Name, ColumnType(m)))
                .ToList();

        private static DataViewType ColumnType(MemberInfo member)
        {
            var type = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
            if (member.GetCustomAttribute<KeyTypeAttribute>() is { } key)
            {
                return type == typeof(uint) && key.Count > 0
                    ? new KeyDataViewType(typeof(uint), key.Count)
                    : throw new InvalidOperationException($"Member '{member.Name}': [KeyType(count)] needs a uint member and a count above 0.");
            }
            if (type.IsArray)
            {
                var item = Primitive(type.GetElementType(), member);
                var dimensions = member.GetCustomAttribute<VectorTypeAttribute>()?.Dimensions ?? new[] { 0 };
                return new VectorDataViewType(item, dimensions);
            }
            return Primitive(type, member);
        }

        private static PrimitiveDataViewType Primitive(Type type, MemberInfo member) =>
            type == typeof(float) ? NumberDataViewType.Single
            : type == typeof(double) ? NumberDataViewType.Double
            : type == typeof(int) ? NumberDataViewType.Int32
            : type == typeof(uint) ? NumberDataViewType.UInt32
            : type == typeof(long) ? NumberDataViewType.Int64
            : type == typeof(bool) ? BooleanDataViewType.Instance
            : type == typeof(string) ? TextDataViewType.Instance
            : throw new InvalidOperationException($"Member '{member.Name}' has type {type}, which this ML.NET subset cannot load.");

        public object Read(object row)
        {
            var value = Member is FieldInfo f ? f.GetValue(row) : ((PropertyInfo)Member).GetValue(row);
            return value switch
            {
                string s => s.AsMemory(),
                null when Type is TextDataViewType => ReadOnlyMemory<char>.Empty,
                float[] a => Vector(a),
                double[] a => Vector(a),
                string[] a => Vector(a.Select(s => (s ?? "").AsMemory()).ToArray()),
                null when Type is VectorDataViewType vector => Empty(vector),
                _ => value,
            };
        }

        private object Vector<T>(T[] values)
        {
            if (Type is VectorDataViewType { IsKnownSize: true } vector && vector.Size != values.Length)
            {
                throw new InvalidOperationException($"Column '{Name}' is declared with {vector.Size} values but a row has {values.Length}.");
            }
            return new VBuffer<T>(values.Length, (T[])values.Clone());
        }

        private static object Empty(VectorDataViewType vector) =>
            Activator.CreateInstance(typeof(VBuffer<>).MakeGenericType(vector.ItemType.RawType), 0, Array.CreateInstance(vector.ItemType.RawType, 0), null);

        public void Write(object row, object value)
        {
            var target = Member is FieldInfo f ? f.FieldType : ((PropertyInfo)Member).PropertyType;
            var converted = value switch
            {
                ReadOnlyMemory<char> m when target == typeof(string) => m.ToString(),
                VBuffer<float> v when target == typeof(float[]) => v.DenseValues().ToArray(),
                VBuffer<double> v when target == typeof(double[]) => v.DenseValues().ToArray(),
                VBuffer<ReadOnlyMemory<char>> v when target == typeof(string[]) => v.DenseValues().Select(m => m.ToString()).ToArray(),
                _ when value == null || target.IsInstanceOfType(value) => value,
                _ => throw new InvalidOperationException($"Column '{Name}' holds {value.GetType()}, which cannot be written to member '{Member.Name}' of type {target}."),
            };
            if (Member is FieldInfo field)
            {
                field.SetValue(row, converted);
            }
            else
            {
                ((PropertyInfo)Member).SetValue(row, converted);
            }
        }
    }
}
