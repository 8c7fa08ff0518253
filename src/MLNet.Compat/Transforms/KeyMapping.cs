using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms
{
    /// <summary>Learns a dictionary from a column's distinct values to keys 1..K (missing values, e.g. NaN, map to 0).</summary>
    public sealed class ValueToKeyMappingEstimator : IEstimator<ValueToKeyMappingTransformer>
    {
        private readonly string _output;
        private readonly string _input;
        private readonly int _maximumNumberOfKeys;
        private readonly KeyOrdinality _ordinality;

        internal ValueToKeyMappingEstimator(string output, string input, int maximumNumberOfKeys, KeyOrdinality ordinality)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            _input = input ?? output;
            _maximumNumberOfKeys = maximumNumberOfKeys > 0 ? maximumNumberOfKeys : throw new ArgumentOutOfRangeException(nameof(maximumNumberOfKeys), maximumNumberOfKeys, "maximumNumberOfKeys must be positive.");
            _ordinality = ordinality;
        }

        /// <summary>The order keys are assigned in.</summary>
        public enum KeyOrdinality : byte
        {
            /// <summary>In order of first occurrence in the data.</summary>
            ByOccurrence = 0,

            /// <summary>In the values' natural order.</summary>
            ByValue = 1,
        }

        public ValueToKeyMappingTransformer Fit(IDataView input)
        {
            var view = InMemoryDataView.From(input ?? throw new ArgumentNullException(nameof(input)));
            var column = view.Schema.GetColumnOrNull(_input) ?? throw new ArgumentOutOfRangeException(nameof(input), $"MapValueToKey: input column '{_input}' not found.");
            if (column.Type is not PrimitiveDataViewType || column.Type is KeyDataViewType)
            {
                throw new InvalidOperationException($"MapValueToKey: column '{_input}' has type {column.Type}; a scalar, non-key column is needed.");
            }
            var distinct = new List<object>();
            var seen = new HashSet<object>();
            foreach (var value in view.Column(column.Index))
            {
                var normalized = ValueToKeyMappingTransformer.Normalize(value);
                if (normalized != null && distinct.Count < _maximumNumberOfKeys && seen.Add(normalized))
                {
                    distinct.Add(value);
                }
            }
            if (_ordinality == KeyOrdinality.ByValue)
            {
                distinct = distinct.OrderBy(ValueToKeyMappingTransformer.Normalize).ToList();
            }
            return new ValueToKeyMappingTransformer(_output, _input, (PrimitiveDataViewType)column.Type, distinct);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema)
        {
            if (!inputSchema.TryFind(_input, out var column))
            {
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"MapValueToKey: input column '{_input}' not found.");
            }
            var keyValues = new SchemaShape(new[] { new SchemaShape.Column("KeyValues", SchemaShape.Column.VectorKind.Vector, column.ItemType, false) });
            return new SchemaShape(inputSchema.Where(c => c.Name != _output).Append(new SchemaShape.Column(_output, column.Kind, NumberDataViewType.UInt32, true, keyValues)));
        }
    }

    /// <summary>Maps values to their keys; the output column carries the values in its <c>KeyValues</c> annotation.</summary>
    public sealed class ValueToKeyMappingTransformer : RowToRowTransformerBase
    {
        private readonly string _output;
        private readonly string _input;
        private readonly PrimitiveDataViewType _valueType;
        private readonly IReadOnlyList<object> _values;
        private readonly Dictionary<object, uint> _keys;

        internal ValueToKeyMappingTransformer(string output, string input, PrimitiveDataViewType valueType, IReadOnlyList<object> values)
        {
            _output = output;
            _input = input;
            _valueType = valueType;
            _values = values;
            _keys = values.Select((v, i) => (Normalize(v), (uint)(i + 1))).ToDictionary(p => p.Item1, p => p.Item2);
        }

        /// <summary>A hashable form of a value; null for missing values (NaN).</summary>
        internal static object Normalize(object value) => value switch
        {
            ReadOnlyMemory<char> m => m.ToString(),
            float f when float.IsNaN(f) => null,
            double d when double.IsNaN(d) => null,
            _ => value,
        };

        private protected override IReadOnlyList<DataViewSchema.DetachedColumn> AddedColumns(DataViewSchema input)
        {
            var column = input.GetColumnOrNull(_input) ?? throw new ArgumentOutOfRangeException(nameof(input), $"MapValueToKey: input column '{_input}' not found.");
            if (!column.Type.Equals(_valueType))
            {
                throw new InvalidOperationException($"MapValueToKey: column '{_input}' has type {column.Type}; the mapping was learned for {_valueType}.");
            }
            var annotations = new DataViewSchema.Annotations.Builder();
            var method = typeof(ValueToKeyMappingTransformer).GetMethod(nameof(AddKeyValues), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
                .MakeGenericMethod(_valueType.RawType);
            method.Invoke(this, new object[] { annotations });
            var type = new KeyDataViewType(typeof(uint), Math.Max(1, _values.Count));
            return new[] { new DataViewSchema.DetachedColumn(_output, type, annotations.ToAnnotations()) };
        }

        private void AddKeyValues<T>(DataViewSchema.Annotations.Builder builder)
        {
            var values = _values.Cast<T>().ToArray();
            ValueGetter<VBuffer<T>> getter = (ref VBuffer<T> destination) => destination = new VBuffer<T>(values.Length, (T[])values.Clone());
            builder.Add("KeyValues", new VectorDataViewType(_valueType, values.Length), getter);
        }

        private protected override IReadOnlyList<object[]> Compute(InMemoryDataView input)
        {
            var source = input.Column(input.Schema[_input].Index);
            return new[] { source.Select(v => (object)(Normalize(v) is { } key && _keys.TryGetValue(key, out var k) ? k : 0u)).ToArray() };
        }
    }

    /// <summary>Maps keys back to the values in the key column's <c>KeyValues</c> annotation.</summary>
    public sealed class KeyToValueMappingEstimator : TrivialEstimator<KeyToValueMappingTransformer>
    {
        private readonly string _input;
        private readonly string _output;

        internal KeyToValueMappingEstimator(string output, string input)
            : base(new KeyToValueMappingTransformer(output, input ?? output))
        {
            _output = output;
            _input = input ?? output;
        }

        public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
        {
            if (!inputSchema.TryFind(_input, out var column))
            {
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"MapKeyToValue: input column '{_input}' not found.");
            }
            if (!column.IsKey)
            {
                throw new InvalidOperationException($"MapKeyToValue: column '{_input}' is not a key column.");
            }
            var item = column.Annotations.TryFind("KeyValues", out var keyValues) ? keyValues.ItemType : column.ItemType;
            return new SchemaShape(inputSchema.Where(c => c.Name != _output).Append(new SchemaShape.Column(_output, column.Kind, item, false)));
        }
    }

    /// <summary>Replaces keys by their values (0, the missing key, becomes NaN for numbers and empty text).</summary>
    public sealed class KeyToValueMappingTransformer : RowToRowTransformerBase
    {
        private readonly string _output;
        private readonly string _input;

        internal KeyToValueMappingTransformer(string output, string input)
        {
            _output = output;
            _input = input;
        }

        private (DataViewSchema.Column Column, VectorDataViewType Values) Source(DataViewSchema input)
        {
            var column = input.GetColumnOrNull(_input) ?? throw new ArgumentOutOfRangeException(nameof(input), $"MapKeyToValue: input column '{_input}' not found.");
            if (column.Type is not KeyDataViewType)
            {
                throw new InvalidOperationException($"MapKeyToValue: column '{_input}' has type {column.Type}, not a key type.");
            }
            var annotation = column.Annotations.Schema.GetColumnOrNull("KeyValues")
                ?? throw new InvalidOperationException($"MapKeyToValue: key column '{_input}' has no KeyValues annotation.");
            return (column, (VectorDataViewType)annotation.Type);
        }

        private protected override IReadOnlyList<DataViewSchema.DetachedColumn> AddedColumns(DataViewSchema input) =>
            new[] { new DataViewSchema.DetachedColumn(_output, Source(input).Values.ItemType) };

        private protected override IReadOnlyList<object[]> Compute(InMemoryDataView input)
        {
            var (column, values) = Source(input.Schema);
            var method = typeof(KeyToValueMappingTransformer).GetMethod(nameof(Map), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
                .MakeGenericMethod(values.ItemType.RawType);
            return new[] { (object[])method.Invoke(null, new object[] { column, input.Column(column.Index) }) };
        }

        private static object[] Map<T>(DataViewSchema.Column column, object[] keys)
        {
            var buffer = default(VBuffer<T>);
            column.Annotations.GetValue("KeyValues", ref buffer);
            var values = buffer.DenseValues().ToArray();
            object missing = typeof(T) == typeof(float) ? float.NaN : typeof(T) == typeof(double) ? double.NaN : default(T);
            return keys.Select(k => (uint)k is var key && key > 0 && key <= values.Length ? values[key - 1] : missing).ToArray();
        }
    }
}
