using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML;

/// <summary>The input data view with the score columns appended; the scores are computed once, when it is created.</summary>
internal sealed class ScoredDataView : IDataView
{
    private readonly IDataView _input;
    private readonly ScoreColumns _columns;
    private readonly float[] _outputs;

    public ScoredDataView(IDataView input, DataViewSchema schema, ScoreColumns columns, float[] outputs)
    {
        _input = input;
        Schema = schema;
        _columns = columns;
        _outputs = outputs;
    }

    // Scores are looked up by row position, so rows must come in the input's order.
    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var inputCount = _input.Schema.Count;
        var needed = columnsNeeded.Where(c => c.Index < inputCount).Select(c => _input.Schema[c.Index]).ToList();
#pragma warning disable CA2000 // The returned ScoredRow owns the cursor (ownsInput: true) and disposes it with itself.
        var cursor = _input.GetRowCursor(needed);
#pragma warning restore CA2000
        return new ScoredRow(cursor, Schema, _columns.Getters(() => cursor.Position, () => _outputs), ownsInput: true);
    }

#pragma warning disable CA2000 // The caller owns the cursors it asked for, as IDataView's contract says.
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
#pragma warning restore CA2000
}

/// <summary>A row of the input with the score columns appended (also the row-to-row mapper's output).</summary>
internal sealed class ScoredRow : DataViewRowCursor
{
    private readonly DataViewRow _input;
    private readonly Delegate[] _added;
    private readonly bool _ownsInput;

    public ScoredRow(DataViewRow input, DataViewSchema schema, Delegate[] added, bool ownsInput)
    {
        _input = input;
        Schema = schema;
        _added = added;
        _ownsInput = ownsInput;
    }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override DataViewSchema Schema { get; }

    public override bool IsColumnActive(DataViewSchema.Column column) =>
        column.Index >= _input.Schema.Count || _input.IsColumnActive(_input.Schema[column.Index]);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var inputCount = _input.Schema.Count;
        if (column.Index < inputCount)
        {
            return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        }
        return _added[column.Index - inputCount] as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue)}.");
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool MoveNext() => _input is DataViewRowCursor cursor && cursor.MoveNext();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsInput)
        {
            _input.Dispose();
        }
        base.Dispose(disposing);
    }
}
