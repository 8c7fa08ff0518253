using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace Regularizers.ML;

/// <summary>Scores one row at a time, so a <c>PredictionEngine</c> can use the transformer.</summary>
/// <remarks>
/// A <c>PredictionEngine</c> hands the mapper one input row object and refills it for every prediction, so the scores
/// are cached by the features they were computed from: the output columns of one row share one forward pass, and a
/// new row is scored anew.
/// </remarks>
internal sealed class ScoringMapper(RegularizedNeuralNetworkTransformer transformer, DataViewSchema inputSchema) : IRowToRowMapper
{
    public DataViewSchema InputSchema { get; } = inputSchema;

    public DataViewSchema OutputSchema { get; } = transformer.GetOutputSchema(inputSchema);

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        [InputSchema[transformer.FeatureColumnName]];

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        var getter = ColumnReader.FeatureGetter(input, transformer.FeatureColumnName);
        var features = default(VBuffer<float>);
        var dense = new float[transformer.Network.Inputs];
        var scored = new float[dense.Length];
        float[]? outputs = null;
        float[] Outputs()
        {
            getter(ref features);
            ColumnReader.Dense(features, dense, transformer.FeatureColumnName, input.Position);
            if (outputs is null || !dense.AsSpan().SequenceEqual(scored))
            {
                using var x = tensor(dense, new long[] { 1, dense.Length });
                outputs = transformer.Outputs(x);
                dense.CopyTo(scored, 0);
            }
            return outputs;
        }
        return new ScoredRow(input, OutputSchema, transformer.Columns.Getters(() => 0, Outputs), ownsInput: false);
    }
}
