using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    /// <summary>
    /// A materialised data view: a schema and, per column, one boxed value per row. Every transform in this subset
    /// produces one, which keeps semantics simple (rows are read once per transform) at the cost of laziness.
    /// </summary>
    internal sealed class InMemoryDataView : IDataView
    {
        private readonly object[][] _columns;
        private readonly int _rows;

        public InMemoryDataView(DataViewSchema schema, object[][] columns, int rows)
        {
            Schema = schema;
            _columns = columns;
            _rows = rows;
        }

        public bool CanShuffle => true;

        public DataViewSchema Schema { get; }

        public long? GetRowCount() => _rows;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null) =>
            new Cursor(this, columnsNeeded, rand);

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random rand = null) =>
            new[] { GetRowCursor(columnsNeeded, rand) };

        /// <summary>Reads every row of <paramref name="view"/> into memory (or returns it when it already is).</summary>
        public static InMemoryDataView From(IDataView view)
        {
            if (view is InMemoryDataView memory)
            {
                return memory;
            }
            var schema = view.Schema;
            var columns = schema.Select(_ => new List<object>()).ToArray();
            using (var cursor = view.GetRowCursor(schema))
            {
                var readers = schema.Select(c => Reader(cursor, c)).ToArray();
                while (cursor.MoveNext())
                {
                    for (var i = 0; i < readers.Length; i++)
                    {
                        columns[i].Add(readers[i]());
                    }
                }
            }
            return new InMemoryDataView(schema, columns.Select(c => c.ToArray()).ToArray(), columns.Length == 0 ? 0 : columns[0].Count);
        }

        /// <summary>The current values of a row, as a one-row view.</summary>
        public static InMemoryDataView FromRow(DataViewRow row) =>
            new InMemoryDataView(row.Schema, row.Schema.Select(c => new[] { Reader(row, c)() }).ToArray(), 1);

        /// <summary>The boxed values of one column.</summary>
        public object[] Column(int index) => _columns[index];

        public int Rows => _rows;

        /// <summary>This view with extra columns appended (same rows).</summary>
        public InMemoryDataView WithColumns(IReadOnlyList<(DataViewSchema.DetachedColumn Column, object[] Values)> added)
        {
            var builder = new DataViewSchema.Builder();
            builder.AddColumns(Schema);
            builder.AddColumns(added.Select(a => a.Column));
            return new InMemoryDataView(builder.ToSchema(), _columns.Concat(added.Select(a => a.Values)).ToArray(), _rows);
        }

        /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
        public InMemoryDataView Take(IReadOnlyList<int> indices) =>
            new InMemoryDataView(Schema, _columns.Select(c => indices.Select(i => c[i]).ToArray()).ToArray(), indices.Count);

        private static Func<object> Reader(DataViewRow row, DataViewSchema.Column column)
        {
            var method = typeof(InMemoryDataView).GetMethod(nameof(TypedReader), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
                .MakeGenericMethod(column.Type.RawType);
            return (Func<object>)method.Invoke(null, new object[] { row, column });
        }

        private static Func<object> TypedReader<T>(DataViewRow row, DataViewSchema.Column column)
        {
            var getter = row.GetGetter<T>(column);
            return () =>
            {
                T value = default;
                getter(ref value);
                return Detach(value);
            };
        }

        /// <summary>Copies vectors, whose arrays a cursor may reuse for the next row.</summary>
        private static object Detach<T>(T value) => value switch
        {
            VBuffer<float> v => Copy(v),
            VBuffer<double> v => Copy(v),
            VBuffer<uint> v => Copy(v),
            VBuffer<ReadOnlyMemory<char>> v => Copy(v),
            _ => value,
        };

        private static object Copy<TItem>(VBuffer<TItem> v)
        {
            var destination = default(VBuffer<TItem>);
            v.CopyTo(ref destination);
            return destination;
        }

        private sealed class Cursor : DataViewRowCursor
        {
            private readonly InMemoryDataView _view;
            private readonly bool[] _active;
            private readonly int[] _order;
            private int _index = -1;

            public Cursor(InMemoryDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand)
            {
                _view = view;
                _active = new bool[view.Schema.Count];
                foreach (var column in columnsNeeded ?? view.Schema)
                {
                    _active[column.Index] = true;
                }
                _order = Enumerable.Range(0, view._rows).ToArray();
                if (rand != null)
                {
                    rand.Shuffle(_order);
                }
            }

            public override long Position => _index;

            public override long Batch => 0;

            public override DataViewSchema Schema => _view.Schema;

            public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

            public override bool MoveNext() => ++_index < _order.Length;

            public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
            {
                if (!_active[column.Index])
                {
                    throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor.");
                }
                if (column.Type.RawType != typeof(TValue))
                {
                    throw new InvalidOperationException($"Invalid TValue in GetGetter: '{typeof(TValue)}', expected type: '{column.Type.RawType}'.");
                }
                var values = _view._columns[column.Index];
                return (ref TValue value) => value = (TValue)values[_order[_index]];
            }

            public override ValueGetter<DataViewRowId> GetIdGetter() =>
                (ref DataViewRowId value) => value = new DataViewRowId((ulong)_order[_index], 0);
        }
    }
}
