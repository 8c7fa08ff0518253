using System;
using System.Collections.Generic;

namespace Microsoft.ML
{
    /// <summary>A lazily evaluated, schematized table read through cursors.</summary>
    public interface IDataView
    {
        bool CanShuffle { get; }

        DataViewSchema Schema { get; }

        /// <summary>The row count when known without a pass over the data, otherwise null.</summary>
        long? GetRowCount();

        DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random rand = null);

        DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random rand = null);
    }
}
