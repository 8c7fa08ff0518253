using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    /// <summary>Loading, reading back and splitting data: <c>mlContext.Data</c>.</summary>
    public sealed class DataOperationsCatalog
    {
        private readonly MLContext _context;

        internal DataOperationsCatalog(MLContext context) => _context = context;

        /// <summary>A data view over the rows, one column per public field or property of <typeparamref name="TRow"/>.</summary>
        public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, SchemaDefinition schemaDefinition = null) where TRow : class
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }
            SchemaDefinition.RequireNull(schemaDefinition, nameof(schemaDefinition));
            var mappings = RowMapping.For(typeof(TRow));
            var rows = data.ToList();
            var builder = new DataViewSchema.Builder();
            foreach (var m in mappings)
            {
                builder.AddColumn(m.Name, m.Type);
            }
            var columns = mappings.Select(m => rows.Select(r => m.Read(r)).ToArray()).ToArray();
            return new InMemoryDataView(builder.ToSchema(), columns, rows.Count);
        }

        /// <summary>Reads the view back into new <typeparamref name="TRow"/> objects, matching members to columns by name.</summary>
        public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns = false, SchemaDefinition schemaDefinition = null)
            where TRow : class, new()
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }
            SchemaDefinition.RequireNull(schemaDefinition, nameof(schemaDefinition));
            var view = InMemoryDataView.From(data);
            var bindings = new List<(RowMapping Mapping, object[] Values)>();
            foreach (var mapping in RowMapping.For(typeof(TRow)))
            {
                var column = view.Schema.GetColumnOrNull(mapping.Name);
                if (column == null)
                {
                    if (ignoreMissingColumns)
                    {
                        continue;
                    }
                    throw new ArgumentOutOfRangeException(nameof(data), $"Column '{mapping.Name}' not found in the data view.");
                }
                bindings.Add((mapping, view.Column(column.Value.Index)));
            }
            return Rows<TRow>(view.Rows, bindings, reuseRowObject);
        }

        private static IEnumerable<TRow> Rows<TRow>(int count, List<(RowMapping Mapping, object[] Values)> bindings, bool reuse) where TRow : class, new()
        {
            var row = new TRow();
            for (var i = 0; i < count; i++)
            {
                if (!reuse && i > 0)
                {
                    row = new TRow();
                }
                foreach (var (mapping, values) in bindings)
                {
                    mapping.Write(row, values[i]);
                }
                yield return row;
            }
        }

        /// <summary>
        /// Splits the rows at random into a training and a test set with about <paramref name="testFraction"/> of them in
        /// the test set (seeded by <paramref name="seed"/>, else the context's seed).
        /// </summary>
        public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string samplingKeyColumnName = null, int? seed = null)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }
            if (!(testFraction > 0 && testFraction < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be in (0, 1).");
            }
            if (samplingKeyColumnName != null)
            {
                throw new NotSupportedException("samplingKeyColumnName is not part of this ML.NET subset.");
            }
            var view = InMemoryDataView.From(data);
            var random = new Random(seed ?? _context.NextSeed());
            var test = new List<int>();
            var train = new List<int>();
            for (var i = 0; i < view.Rows; i++)
            {
                (random.NextDouble() < testFraction ? test : train).Add(i);
            }
            return new TrainTestData(view.Take(train), view.Take(test));
        }

        /// <summary>The two halves of a split.</summary>
        public readonly struct TrainTestData
        {
            public readonly IDataView TrainSet;

            public readonly IDataView TestSet;

            internal TrainTestData(IDataView trainSet, IDataView testSet)
            {
                TrainSet = trainSet;
                TestSet = testSet;
            }
        }
    }
}
