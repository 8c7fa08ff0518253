using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Data;

namespace Microsoft.ML.Data
{
    /// <summary>Concatenates scalar and vector columns of one item type into a single vector column.</summary>
    public sealed class ColumnConcatenatingTransformer : RowToRowTransformerBase
    {
        private readonly string _output;
        private readonly string[] _inputs;

        internal ColumnConcatenatingTransformer(string output, string[] inputs)
        {
            _output = output;
            _inputs = inputs;
        }

        private protected override IReadOnlyList<DataViewSchema.DetachedColumn> AddedColumns(DataViewSchema input)
        {
            var types = _inputs.Select(name => input.GetColumnOrNull(name)?.Type
                ?? throw new ArgumentOutOfRangeException(nameof(input), $"Concatenate: input column '{name}' not found.")).ToList();
            var items = types.Select(t => t is VectorDataViewType v ? v.ItemType : t).ToList();
            if (items.Any(i => !i.Equals(items[0])))
            {
                throw new InvalidOperationException($"Concatenate: the columns {string.Join(", ", _inputs)} must share one item type; found {string.Join(", ", items)}.");
            }
            var sizes = types.Select(t => t is VectorDataViewType v ? v.Size : 1).ToList();
            var size = sizes.Any(s => s == 0) ? 0 : sizes.Sum();
            return new[] { new DataViewSchema.DetachedColumn(_output, new VectorDataViewType((PrimitiveDataViewType)items[0], size)) };
        }

        private protected override IReadOnlyList<object[]> Compute(InMemoryDataView input)
        {
            var item = ((VectorDataViewType)AddedColumns(input.Schema)[0].Type).ItemType.RawType;
            var method = typeof(ColumnConcatenatingTransformer).GetMethod(nameof(Concatenate), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
                .MakeGenericMethod(item);
            var sources = _inputs.Select(n => input.Column(input.Schema[n].Index)).ToArray();
            return new[] { (object[])method.Invoke(null, new object[] { sources, input.Rows }) };
        }

        private static object[] Concatenate<T>(object[][] sources, int rows)
        {
            var result = new object[rows];
            for (var r = 0; r < rows; r++)
            {
                var values = new List<T>();
                foreach (var source in sources)
                {
                    if (source[r] is VBuffer<T> vector)
                    {
                        values.AddRange(vector.DenseValues());
                    }
                    else
                    {
                        values.Add((T)source[r]);
                    }
                }
                result[r] = new VBuffer<T>(values.Count, values.ToArray());
            }
            return result;
        }
    }
}

namespace Microsoft.ML.Transforms
{
    /// <summary>Builds a <see cref="ColumnConcatenatingTransformer"/>.</summary>
    public sealed class ColumnConcatenatingEstimator : IEstimator<ColumnConcatenatingTransformer>
    {
        private readonly string _output;
        private readonly string[] _inputs;

        internal ColumnConcatenatingEstimator(string output, string[] inputs)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            _inputs = inputs is { Length: > 0 } ? inputs : throw new ArgumentException("At least one input column is needed.", nameof(inputs));
        }

        public ColumnConcatenatingTransformer Fit(IDataView input)
        {
            var transformer = new ColumnConcatenatingTransformer(_output, _inputs);
            transformer.GetOutputSchema(input.Schema);
            return transformer;
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema)
        {
            var items = new List<DataViewType>();
            var known = true;
            foreach (var name in _inputs)
            {
                if (!inputSchema.TryFind(name, out var column))
                {
                    throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Concatenate: input column '{name}' not found.");
                }
                items.Add(column.ItemType);
                known &= column.Kind != SchemaShape.Column.VectorKind.VariableVector;
            }
            if (items.Any(i => !i.Equals(items[0])))
            {
                throw new InvalidOperationException($"Concatenate: the columns {string.Join(", ", _inputs)} must share one item type.");
            }
            return new SchemaShape(inputSchema.Where(c => c.Name != _output).Append(
                new SchemaShape.Column(_output, known ? SchemaShape.Column.VectorKind.Vector : SchemaShape.Column.VectorKind.VariableVector, items[0], false)));
        }
    }
}
