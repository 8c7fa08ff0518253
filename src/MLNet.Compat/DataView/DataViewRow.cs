using System;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    /// <summary>One row of a data view: typed getters for its active columns.</summary>
    public abstract class DataViewRow : IDisposable
    {
        protected DataViewRow()
        {
        }

        /// <summary>The row's position in its cursor's sequence, −1 before the first MoveNext.</summary>
        public abstract long Position { get; }

        /// <summary>Which cursor of a set produced the row.</summary>
        public abstract long Batch { get; }

        public abstract DataViewSchema Schema { get; }

        public abstract bool IsColumnActive(DataViewSchema.Column column);

        /// <summary>A getter for <paramref name="column"/>; <typeparamref name="TValue"/> must be the column type's raw type.</summary>
        public abstract ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column);

        public abstract ValueGetter<DataViewRowId> GetIdGetter();

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
        }
    }

    /// <summary>A row that moves forward through a data view.</summary>
    public abstract class DataViewRowCursor : DataViewRow
    {
        protected DataViewRowCursor()
        {
        }

        /// <summary>Advances to the next row; false at the end.</summary>
        public abstract bool MoveNext();
    }
}
