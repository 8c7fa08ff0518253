using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace Regularizers.ML;

/// <summary>
/// Scores the rows of one cursor lazily, a batch at a time: when a score is asked for the row at position p past the
/// current batch, a second cursor over the same input (feature column only) skips to p, reads the next
/// <see cref="RegularizedNeuralNetworkTransformer.ScoringBatch"/> rows' features and scores them in one forward pass.
/// Memory is bounded by one batch of features and outputs, whatever the data's size; rows whose scores are never read
/// are never scored. The two cursors see the same rows in the same order because neither is shuffled.
/// </summary>
internal sealed class BatchScorer : IDisposable
{
    private readonly RegularizedNeuralNetworkTransformer _transformer;
    private readonly DataViewRowCursor _features;
    private readonly ValueGetter<VBuffer<float>> _getter;
    private readonly float[] _batch;
    private readonly float[] _dense;
    private VBuffer<float> _row;
    private long _start = -1;
    private int _count;
    private float[] _outputs = [];

    public BatchScorer(RegularizedNeuralNetworkTransformer transformer, IDataView input)
    {
        _transformer = transformer;
        var column = input.Schema[transformer.FeatureColumnName];
        _features = input.GetRowCursor([column]);
        _getter = _features.GetGetter<VBuffer<float>>(column);
        _dense = new float[transformer.Network.Inputs];
        _batch = new float[RegularizedNeuralNetworkTransformer.ScoringBatch * _dense.Length];
    }

    /// <summary>The outputs of the batch holding row <paramref name="position"/>, and that row's index in them.</summary>
    /// <exception cref="InvalidOperationException">A feature vector has the wrong length or a non-finite value.</exception>
    public (float[] Outputs, int Row) At(long position)
    {
        if (position < _start || position >= _start + _count)
        {
            Fill(position);
        }
        return (_outputs, (int)(position - _start));
    }

    private void Fill(long position)
    {
        if (position < _start)
        {
            throw new InvalidOperationException($"Row {position} was asked for after row {_start}; scores are computed in cursor order.");
        }
        while (_features.Position < position - 1 && _features.MoveNext())
        {
        }
        var width = _dense.Length;
        _count = 0;
        _start = position;
        while (_count < RegularizedNeuralNetworkTransformer.ScoringBatch && _features.MoveNext())
        {
            _getter(ref _row);
            ColumnReader.Dense(_row, _dense, _transformer.FeatureColumnName, _features.Position);
            ColumnReader.CheckFinite(_dense, _transformer.FeatureColumnName, _features.Position);
            _dense.CopyTo(_batch, _count * width);
            _count++;
        }
        using var x = tensor(_batch.AsSpan(0, _count * width).ToArray(), new long[] { _count, width });
        _outputs = _transformer.Outputs(x);
    }

    public void Dispose() => _features.Dispose();
}
