using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    /// <summary>A model component that ML.NET can serialise. (ML.NET's own model format is not part of this subset.)</summary>
    public interface ICanSaveModel
    {
        void Save(ModelSaveContext ctx);
    }

    /// <summary>ML.NET's model-saving context; this subset never creates one.</summary>
    public sealed class ModelSaveContext : IDisposable
    {
        internal ModelSaveContext()
        {
        }

        public void Dispose()
        {
        }
    }

    /// <summary>A fitted transformation of data views.</summary>
    public interface ITransformer : ICanSaveModel
    {
        bool IsRowToRowMapper { get; }

        DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

        IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema);

        IDataView Transform(IDataView input);
    }

    /// <summary>Learns a transformer from data.</summary>
    public interface IEstimator<out TTransformer> where TTransformer : ITransformer
    {
        TTransformer Fit(IDataView input);

        SchemaShape GetOutputSchema(SchemaShape inputSchema);
    }
}

namespace Microsoft.ML.Data
{
    /// <summary>Maps one input row to one output row.</summary>
    public interface IRowToRowMapper
    {
        DataViewSchema InputSchema { get; }

        DataViewSchema OutputSchema { get; }

        IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns);

        DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns);
    }

    /// <summary>Which pipeline uses a transformer.</summary>
    public enum TransformerScope
    {
        None = 0,
        Training = 1,
        Testing = 2,
        Scoring = 4,
        TrainTest = Training | Testing,
        Everything = Training | Testing | Scoring,
    }

    /// <summary>Sets a column's name when loading from or reading into .NET objects.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class ColumnNameAttribute : Attribute
    {
        public ColumnNameAttribute(string name) => Name = name;

        internal string Name { get; }
    }

    /// <summary>Marks an array member as a vector column of the given dimensions (0 or none: variable length).</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class VectorTypeAttribute : Attribute
    {
        public VectorTypeAttribute()
            : this(0)
        {
        }

        public VectorTypeAttribute(int size)
            : this(new[] { size })
        {
        }

        public VectorTypeAttribute(params int[] dimensions) => Dimensions = dimensions;

        internal int[] Dimensions { get; }
    }

    /// <summary>
    /// The source columns of a member when ML.NET's text loader reads a file. <c>LoadFromEnumerable</c> ignores it
    /// (as upstream does); it is here so row classes shared with text loading compile.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class LoadColumnAttribute : Attribute
    {
        public LoadColumnAttribute(int fieldIndex)
            : this(new[] { fieldIndex })
        {
        }

        public LoadColumnAttribute(int start, int end)
            : this(Enumerable.Range(start, end - start + 1).ToArray())
        {
        }

        public LoadColumnAttribute(int[] columnIndexes) => Sources = columnIndexes;

        internal int[] Sources { get; }
    }

    /// <summary>Marks an unsigned integer member as a key column with <c>count</c> categories (values 1..count, 0 missing).</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class KeyTypeAttribute : Attribute
    {
        public KeyTypeAttribute()
        {
        }

        public KeyTypeAttribute(ulong count) => Count = count;

        internal ulong Count { get; }
    }

    /// <summary>ML.NET's explicit schema description; this subset derives schemas from the row types and accepts only null here.</summary>
    public sealed class SchemaDefinition
    {
        private SchemaDefinition()
        {
        }

        internal static void RequireNull(SchemaDefinition definition, string name)
        {
            if (definition != null)
            {
                throw new NotSupportedException($"{name}: explicit schema definitions are not part of this ML.NET subset; use the attributes on the row type.");
            }
        }
    }
}
