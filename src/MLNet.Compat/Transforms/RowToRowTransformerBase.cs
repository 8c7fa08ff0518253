using System;
using System.Collections.Generic;
using System.Linq;

namespace Microsoft.ML.Data
{
    /// <summary>
    /// A transformer that adds columns computed from each row alone. Subclasses say which columns they add
    /// (<see cref="AddedColumns"/>) and compute them for a materialised view (<see cref="Compute"/>).
    /// </summary>
    public abstract class RowToRowTransformerBase : ITransformer
    {
        private protected RowToRowTransformerBase()
        {
        }

        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
        {
            var builder = new DataViewSchema.Builder();
            builder.AddColumns(inputSchema);
            builder.AddColumns(AddedColumns(inputSchema));
            return builder.ToSchema();
        }

        public IDataView Transform(IDataView input)
        {
            var view = InMemoryDataView.From(input ?? throw new ArgumentNullException(nameof(input)));
            var columns = AddedColumns(view.Schema);
            var values = Compute(view);
            return view.WithColumns(columns.Zip(values, (c, v) => (c, v)).ToList());
        }

        bool ITransformer.IsRowToRowMapper => true;

        IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) => new RowMapper(this, inputSchema);

        void ICanSaveModel.Save(ModelSaveContext ctx) =>
            throw new NotSupportedException("ML.NET's model format is not part of this subset.");

        /// <summary>The columns this transformer appends for <paramref name="input"/>; throws when a needed column is missing or mistyped.</summary>
        private protected abstract IReadOnlyList<DataViewSchema.DetachedColumn> AddedColumns(DataViewSchema input);

        /// <summary>The appended columns' values, one array per column.</summary>
        private protected abstract IReadOnlyList<object[]> Compute(InMemoryDataView input);

        /// <summary>Maps single rows by running the transformer over a one-row view.</summary>
        internal sealed class RowMapper : IRowToRowMapper
        {
            private readonly ITransformer _transformer;

            public RowMapper(ITransformer transformer, DataViewSchema inputSchema)
            {
                _transformer = transformer;
                InputSchema = inputSchema;
                OutputSchema = transformer.GetOutputSchema(inputSchema);
            }

            public DataViewSchema InputSchema { get; }

            public DataViewSchema OutputSchema { get; }

            public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) => InputSchema;

            public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
            {
                var single = new InMemoryDataView(InputSchema, InputSchema.Select(c => new[] { Read(input, c) }).ToArray(), 1);
                var cursor = _transformer.Transform(single).GetRowCursor(OutputSchema);
                cursor.MoveNext();
                return cursor;
            }

            private static object Read(DataViewRow row, DataViewSchema.Column column)
            {
                var method = typeof(RowMapper).GetMethod(nameof(ReadTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
                    .MakeGenericMethod(column.Type.RawType);
                return method.Invoke(null, new object[] { row, column });
            }

            private static object ReadTyped<T>(DataViewRow row, DataViewSchema.Column column)
            {
                T value = default;
                row.GetGetter<T>(column)(ref value);
                return value;
            }
        }
    }

    /// <summary>An estimator whose transformer needs no training.</summary>
    public abstract class TrivialEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : class, ITransformer
    {
        private readonly TTransformer _transformer;

        private protected TrivialEstimator(TTransformer transformer) => _transformer = transformer;

        public TTransformer Fit(IDataView input)
        {
            _transformer.GetOutputSchema(input.Schema);
            return _transformer;
        }

        public abstract SchemaShape GetOutputSchema(SchemaShape inputSchema);
    }
}
