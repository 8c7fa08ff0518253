using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace Regularizers.ML;

/// <summary>Scores one row at a time, so a <c>PredictionEngine</c> can use the transformer.</summary>
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
        var dense = new float[transformer.Shape.Features];
        float[]? outputs = null;
        float[] Score()
        {
            getter(ref features);
            features.CopyTo(dense);
            using var x = tensor(dense, new long[] { 1, dense.Length });
            return outputs = transformer.Outputs(x);
        }
        return new ScoredRow(input, OutputSchema, transformer.Columns.Getters(() => 0, () => outputs ?? Score()), ownsInput: false);
    }
}
