using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Regularizers.Core.IO;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.ML;

/// <summary>
/// A trained regularized network (or bagged ensemble) as an ML.NET transformer: it appends the task's standard
/// output columns (see <see cref="PredictionKind"/>) and works as a row-to-row mapper, so <c>PredictionEngine</c> works.
/// ML.NET's own model saving (<c>mlContext.Model.Save</c>) is internal to ML.NET and cannot serialise foreign
/// transformers; use <see cref="Save(string)"/> and <see cref="Load(string)"/> instead.
/// </summary>
public sealed class RegularizedNeuralNetworkTransformer : ITransformer, IDisposable
{
    private const string Magic = "Regularizers.ML.RegularizedNeuralNetwork/1";
    private const int ScoringBatch = 4096;

    private readonly IReadOnlyList<nn.Module<Tensor, Tensor>> _members;
    private readonly DataViewSchema.Annotations? _labelAnnotations;

    internal RegularizedNeuralNetworkTransformer(
        PredictionKind kind, string featureColumnName, NetworkShape shape, IReadOnlyList<nn.Module<Tensor, Tensor>> members,
        DataViewSchema.Annotations? labelAnnotations, TrainingHistory? history)
    {
        Kind = kind;
        FeatureColumnName = featureColumnName;
        Shape = shape;
        _members = members;
        _labelAnnotations = labelAnnotations;
        History = history;
        Columns = new ScoreColumns(kind, shape.Outputs, labelAnnotations);
        foreach (var member in members)
        {
            member.eval();
        }
    }

    /// <summary>The task.</summary>
    public PredictionKind Kind { get; }

    /// <summary>The feature column read when scoring.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Networks in the model (1 unless bagged).</summary>
    public int MemberCount => _members.Count;

    /// <summary>Per-epoch metrics, the best epoch and why training stopped (of the first network); null after <see cref="Load(string)"/>.</summary>
    public TrainingHistory? History { get; }

    internal NetworkShape Shape { get; }

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
        if (width != Shape.Features)
        {
            throw new ArgumentException($"Feature column '{FeatureColumnName}' has {width} values; the model was trained on {Shape.Features}.", nameof(inputSchema));
        }
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumns(Columns.Columns);
        return builder.ToSchema();
    }

    /// <summary>Scores every row (eval mode, batches of 4,096) and returns the input with the output columns.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schema = GetOutputSchema(input.Schema);
        using var features = ColumnReader.Features(input, FeatureColumnName, Shape.Features);
        return new ScoredDataView(input, schema, Columns, Outputs(features));
    }

    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) => new ScoringMapper(this, inputSchema);

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("ML.NET's model format cannot hold this transformer; use RegularizedNeuralNetworkTransformer.Save(path) and Load(path).");

    /// <summary>
    /// The combined outputs for features [N, D], row-major: class probabilities averaged over the members
    /// (classification), or the members' mean prediction (regression).
    /// </summary>
    internal float[] Outputs(Tensor features)
    {
        var rows = (int)features.shape[0];
        var outputs = new float[rows * Shape.Outputs];
        using var noGrad = no_grad();
        for (var start = 0; start < rows; start += ScoringBatch)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(ScoringBatch, rows - start);
            var x = features.narrow(0, start, count);
            var sum = zeros(count, Shape.Outputs);
            foreach (var member in _members)
            {
                var raw = member.call(x);
                sum.add_(Kind == PredictionKind.Regression ? raw : nn.functional.softmax(raw, 1));
            }
            sum.div_(_members.Count).contiguous().data<float>().ToArray().CopyTo(outputs, start * Shape.Outputs);
        }
        return outputs;
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically (a crash never leaves a partial file).</summary>
    public void Save(string path) => AtomicFile.Write(path, Save);

    /// <summary>Writes the model to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        var keyValues = KeyValuesCodec.Encode(_labelAnnotations);
        writer.Write(JsonSerializer.Serialize(new Header(
            Kind, FeatureColumnName, Shape.Features, Shape.Outputs, [.. Shape.HiddenLayers], Shape.Activation, Shape.Dropout, Shape.DropoutRate,
            _members.Count, keyValues?.Type, keyValues?.Values)));
        foreach (var member in _members)
        {
            member.save(writer);
        }
    }

    /// <summary>Reads a model written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a model, or it is truncated or corrupt.</exception>
    public static RegularizedNeuralNetworkTransformer Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold such a model, or it is truncated or corrupt.</exception>
    public static RegularizedNeuralNetworkTransformer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        Header header;
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException($"not a regularized neural network model (it does not start with {Magic}).");
            }
            header = JsonSerializer.Deserialize<Header>(reader.ReadString()) ?? throw new InvalidDataException("the model header is empty.");
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException)
        {
            throw new InvalidDataException("not a regularized neural network model (its header is unreadable).", e);
        }
        var shape = new NetworkShape(header.Features, header.Outputs, header.HiddenLayers, header.Activation, header.Dropout, header.DropoutRate);
        var members = new List<nn.Module<Tensor, Tensor>>();
        try
        {
            for (var i = 0; i < header.Members; i++)
            {
                var member = shape.Build();
                members.Add(member);
                member.load(reader);
            }
        }
        catch (Exception e)
        {
            members.ForEach(m => m.Dispose());
            throw new InvalidDataException($"the model is truncated or corrupt: {e.Message}", e);
        }
        var keyValues = header.KeyValuesType is null ? ((string, string[])?)null : (header.KeyValuesType, header.KeyValues ?? []);
        return new RegularizedNeuralNetworkTransformer(header.Kind, header.FeatureColumnName, shape, members, KeyValuesCodec.Decode(keyValues), history: null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var member in _members)
        {
            member.Dispose();
        }
    }

    private sealed record Header(
        PredictionKind Kind, string FeatureColumnName, int Features, int Outputs, int[] HiddenLayers, NetworkActivation Activation,
        DropoutKind Dropout, double DropoutRate, int Members, string? KeyValuesType, string[]? KeyValues);
}
