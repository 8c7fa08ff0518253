using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML;

/// <summary>
/// The input data view with the score columns appended, scored lazily: nothing is read when it is created, and each
/// cursor scores its rows a batch at a time as it moves (<see cref="BatchScorer"/>), only if a score column is read.
/// </summary>
internal sealed class ScoredDataView(IDataView input, DataViewSchema schema, RegularizedNeuralNetworkTransformer transformer) : IDataView
{
    // Scores are computed by a second cursor that must see the rows in the same order, so rows are never shuffled.
    public bool CanShuffle => false;

    public DataViewSchema Schema { get; } = schema;

    public long? GetRowCount() => input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var inputCount = input.Schema.Count;
        var wanted = columnsNeeded.ToList();
        var needed = wanted.Where(c => c.Index < inputCount).Select(c => input.Schema[c.Index]).ToList();
#pragma warning disable CA2000 // The returned ScoredRow owns the cursor and the scorer (ownsInput: true) and disposes them with itself.
        var cursor = input.GetRowCursor(needed);
        var scorer = wanted.Any(c => c.Index >= inputCount) ? new BatchScorer(transformer, input) : null;
#pragma warning restore CA2000
        var getters = transformer.Columns.Getters(() => scorer!.At(cursor.Position).Row, () => scorer!.At(cursor.Position).Outputs);
        return new ScoredRow(cursor, Schema, getters, ownsInput: true, scorer);
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
    private readonly IDisposable? _scorer;

    public ScoredRow(DataViewRow input, DataViewSchema schema, Delegate[] added, bool ownsInput, IDisposable? scorer = null)
    {
        _input = input;
        Schema = schema;
        _added = added;
        _ownsInput = ownsInput;
        _scorer = scorer;
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
            _scorer?.Dispose();
        }
        base.Dispose(disposing);
    }
}
