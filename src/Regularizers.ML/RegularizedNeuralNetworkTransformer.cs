using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Regularizers.Core.IO;
using Regularizers.Torch.Models;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.ML;

/// <summary>
/// A trained regularized network (or bagged ensemble) as an ML.NET transformer: it appends the task's standard
/// output columns (see <see cref="PredictionKind"/>) and works as a row-to-row mapper, so <c>PredictionEngine</c> works.
/// ML.NET's own model saving (<c>mlContext.Model.Save</c>) is internal to ML.NET and cannot serialise foreign
/// transformers: save a pipeline that holds one with <c>mlContext.Model.SaveWithNetworks</c> and load it with
/// <c>mlContext.Model.LoadWithNetworks</c> (<see cref="ModelOperationsCatalogExtensions"/>), or save the network alone
/// with <see cref="Save(string)"/> and <see cref="Load(string)"/>.
/// </summary>
/// <remarks>
/// It is an <see cref="ISingleFeaturePredictionTransformer{TModel}"/> (its own model), so ML.NET's
/// <c>mlContext.{Task}.PermutationFeatureImportance(transformer, data)</c> works on it for all three tasks.
/// </remarks>
public sealed class RegularizedNeuralNetworkTransformer : ISingleFeaturePredictionTransformer<RegularizedNeuralNetworkTransformer>, IDisposable
{
    private const string FileKind = nameof(RegularizedNeuralNetworkTransformer);
    /// <summary>Rows scored in one forward pass.</summary>
    internal const int ScoringBatch = 4096;

    private readonly IReadOnlyList<nn.Module<Tensor, Tensor>> _members;
    private readonly DataViewSchema.Annotations? _labelAnnotations;

    internal RegularizedNeuralNetworkTransformer(
        PredictionKind kind, string featureColumnName, ModelSpec network, IReadOnlyList<nn.Module<Tensor, Tensor>> members,
        DataViewSchema.Annotations? labelAnnotations, TrainingHistory? history)
    {
        Kind = kind;
        FeatureColumnName = featureColumnName;
        Network = network;
        _members = members;
        _labelAnnotations = labelAnnotations;
        History = history;
        Columns = new ScoreColumns(kind, network.Outputs, labelAnnotations);
        foreach (var member in members)
        {
            member.eval();
        }
    }

    /// <summary>The task.</summary>
    public PredictionKind Kind { get; }

    /// <summary>The feature column read when scoring.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The feature column's type: a vector of as many Singles as the network has inputs.</summary>
    public DataViewType FeatureColumnType => new VectorDataViewType(NumberDataViewType.Single, Network.Inputs);

    /// <summary>
    /// The transformer is its own model (its networks and their spec): ML.NET's prediction-transformer APIs ask for one,
    /// and there is no separate parameters object to give.
    /// </summary>
    RegularizedNeuralNetworkTransformer IPredictionTransformer<RegularizedNeuralNetworkTransformer>.Model => this;

    /// <summary>Networks in the model (1 unless bagged).</summary>
    public int MemberCount => _members.Count;

    /// <summary>
    /// Per-epoch metrics, the best epoch and why training stopped (of the first network); saved with the model, so
    /// <see cref="Load(string)"/> brings it back (null for files saved before it was, such as 0.2.0's).
    /// </summary>
    public TrainingHistory? History { get; }

    /// <summary>The network each member is (sizes, activation, dropout; its optimizer as trained).</summary>
    internal ModelSpec Network { get; }

    /// <summary>The trained networks (for tests that inspect weights and layers).</summary>
    internal IReadOnlyList<nn.Module<Tensor, Tensor>> Members => _members;

    internal ScoreColumns Columns { get; }

    bool ITransformer.IsRowToRowMapper => true;

    /// <summary>The input schema with the output columns appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The feature column is missing.</exception>
    /// <exception cref="ArgumentException">The feature column is not a vector of Single of the trained width.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var width = ColumnReader.FeatureCount(inputSchema, FeatureColumnName);
        if (width != Network.Inputs)
        {
            throw new ArgumentException($"Feature column '{FeatureColumnName}' has {width} values; the model was trained on {Network.Inputs}.", nameof(inputSchema));
        }
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumns(Columns.Columns);
        return builder.ToSchema();
    }

    /// <summary>
    /// Returns the input with the output columns, at once and without reading a row, as ML.NET's transforms do: a
    /// cursor scores its rows in eval mode, <see cref="ScoringBatch"/> at a time, as it moves, so memory is bounded by
    /// one batch whatever the data's size. A wrong-length or non-finite feature vector is reported by the cursor that
    /// reaches it.
    /// </summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ScoredDataView(input, GetOutputSchema(input.Schema), this);
    }

    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) => new ScoringMapper(this, inputSchema);

    /// <summary>What ML.NET's <c>Model.Save</c> calls for each transformer of a chain; it cannot write ours, so it says what can.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(SaveMessage);

    internal const string SaveMessage =
        "ML.NET's model format cannot hold a RegularizedNeuralNetworkTransformer: save the pipeline with mlContext.Model.SaveWithNetworks(model, inputSchema, path) and load it with mlContext.Model.LoadWithNetworks(path, out inputSchema).";

    /// <summary>
    /// The combined outputs for features [N, D], row-major: class probabilities averaged over the members
    /// (classification), or the members' mean prediction (regression).
    /// </summary>
    internal float[] Outputs(Tensor features)
    {
        var rows = (int)features.shape[0];
        var outputs = new float[rows * Network.Outputs];
        using var noGrad = no_grad();
        for (var start = 0; start < rows; start += ScoringBatch)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(ScoringBatch, rows - start);
            var x = features.narrow(0, start, count);
            var sum = zeros(count, Network.Outputs);
            foreach (var member in _members)
            {
                var raw = member.call(x);
                sum.add_(Kind == PredictionKind.Regression ? raw : nn.functional.softmax(raw, 1));
            }
            sum.div_(_members.Count).contiguous().data<float>().ToArray().CopyTo(outputs, start * Network.Outputs);
        }
        return outputs;
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically (a crash never leaves a partial file).</summary>
    /// <remarks>
    /// The file is a <see cref="ModelFile"/> of kind <c>RegularizedNeuralNetworkTransformer</c>: its header holds the task,
    /// the feature column, the <see cref="ModelSpec"/> and the label's key values; one state dictionary per member follows.
    /// </remarks>
    public void Save(string path) => AtomicFile.Write(path, Save);

    /// <summary>Writes the model to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        var keyValues = KeyValuesCodec.Encode(_labelAnnotations);
        ModelFile.Write(stream, FileKind, new Header(Kind, FeatureColumnName, Network, keyValues?.Type, keyValues?.Values, HistoryRecord.From(History)), _members);
    }

    /// <summary>Reads a model written by <see cref="Save(string)"/>, or by version 0.2.0.</summary>
    /// <exception cref="InvalidDataException">The file is not such a model, or it is of a newer format, truncated or corrupt.</exception>
    public static RegularizedNeuralNetworkTransformer Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>, or by version 0.2.0.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold such a model, or it is of a newer format, truncated or corrupt.</exception>
    public static RegularizedNeuralNetworkTransformer Load(Stream stream) => Load(stream, "The stream");

    internal static RegularizedNeuralNetworkTransformer Load(Stream stream, string name)
    {
        var saved = ModelFile.Read<Header>(stream, name, FileKind, (header, _) => header.Network.Build(), LegacyHeader.Format);
        var header = saved.Header;
        var keyValues = header.KeyValuesType is null ? ((string, string[])?)null : (header.KeyValuesType, header.KeyValues ?? []);
        return new RegularizedNeuralNetworkTransformer(header.Kind, header.FeatureColumnName, header.Network, saved.Modules, KeyValuesCodec.Decode(keyValues), header.History?.ToHistory());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var member in _members)
        {
            member.Dispose();
        }
    }

    private sealed record Header(PredictionKind Kind, string FeatureColumnName, ModelSpec Network, string? KeyValuesType, string[]? KeyValues, HistoryRecord? History = null);

    /// <summary>The header of 0.2.0's files (magic <c>Regularizers.ML.RegularizedNeuralNetwork/1</c>, then this JSON, then the members' state dictionaries).</summary>
    private sealed record LegacyHeader(
        PredictionKind Kind, string FeatureColumnName, int Features, int Outputs, int[] HiddenLayers, Activation Activation,
        DropoutKind Dropout, double DropoutRate, int Members, string? KeyValuesType, string[]? KeyValues)
    {
        public static LegacyFormat<Header> Format { get; } = new("Regularizers.ML.RegularizedNeuralNetwork/1", reader =>
        {
            var old = JsonSerializer.Deserialize<LegacyHeader>(reader.ReadString()) ?? throw new FormatException("the header is null.");
            var network = new ModelSpec
            {
                Inputs = old.Features, HiddenLayers = old.HiddenLayers, Outputs = old.Outputs,
                Activation = old.Activation, Dropout = old.Dropout, DropoutRate = old.DropoutRate,
            };
            var header = new Header(old.Kind, old.FeatureColumnName, network, old.KeyValuesType, old.KeyValues);
            return new SavedModel<Header>(header, ModelFile.LoadModules(reader, old.Members, _ => network.Build()));
        });
    }
}
