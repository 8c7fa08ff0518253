using Microsoft.ML;
using Microsoft.ML.Data;
using Regularizers.Core.IO;

namespace Regularizers.ML;

/// <summary>
/// Whole-pipeline persistence for chains that hold <see cref="RegularizedNeuralNetworkTransformer"/>s, which ML.NET's
/// own <c>mlContext.Model.Save</c> cannot write (its loader registry is internal to ML.NET). One file holds every
/// ML.NET transformer in ML.NET's own format (written and read by the same <see cref="ModelOperationsCatalog"/>) and
/// every network in the library's model format, in chain order, nested chains and their scopes included; see
/// <see cref="PipelineFile"/> for the layout.
/// </summary>
public static class ModelOperationsCatalogExtensions
{
    private static readonly TransformerScope[] SingleScopes = [TransformerScope.Training, TransformerScope.Testing, TransformerScope.Scoring];

    /// <summary>
    /// Saves <paramref name="model"/> and <paramref name="inputSchema"/> to <paramref name="path"/>, atomically: every
    /// part is serialised in memory first, then the file is written through a temporary sibling and renamed, so a failed
    /// save leaves an existing file untouched and no partial file behind (unlike <c>Model.Save(…, path)</c>).
    /// </summary>
    /// <param name="catalog"><c>mlContext.Model</c>.</param>
    /// <param name="model">The fitted pipeline: a <c>TransformerChain</c>, a single transformer, or a network.</param>
    /// <param name="inputSchema">The schema of the data the pipeline reads (as for <c>Model.Save</c>; may be null).</param>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public static void SaveWithNetworks(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema? inputSchema, string path)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var schemaOnly = new TransformerChain<ITransformer>();
        var parts = new List<byte[]> { SaveMLNet(catalog, schemaOnly, inputSchema) };
        var root = Describe(catalog, model, parts);
        AtomicFile.Write(path, stream => PipelineFile.Write(stream, root, parts));
    }

    /// <summary>
    /// Loads a pipeline saved by <see cref="SaveWithNetworks"/>: chains come back as <c>TransformerChain&lt;ITransformer&gt;</c>
    /// (as from <c>Model.Load</c>) with their scopes, networks as <see cref="RegularizedNeuralNetworkTransformer"/>s,
    /// which the caller disposes.
    /// </summary>
    /// <param name="catalog"><c>mlContext.Model</c>.</param>
    /// <param name="path">The file.</param>
    /// <param name="inputSchema">The schema saved with the pipeline (null if none was).</param>
    /// <exception cref="InvalidDataException">The file is not such a pipeline, or is of a newer format, truncated or corrupt.</exception>
    public static ITransformer LoadWithNetworks(this ModelOperationsCatalog catalog, string path, out DataViewSchema? inputSchema)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (root, parts) = PipelineFile.Read(File.ReadAllBytes(path), path);
        var networks = new List<RegularizedNeuralNetworkTransformer>();
        try
        {
            using (var schemaOnly = LoadMLNet(catalog, parts, 0, path, out inputSchema) as TransformerChain<ITransformer>)
            {
                if (schemaOnly is null || schemaOnly.Any())
                {
                    throw new InvalidDataException($"{path} is truncated or corrupt: its part 0 is not an input schema.");
                }
            }
            return Build(catalog, root, parts, path, networks);
        }
        catch
        {
            networks.ForEach(n => n.Dispose());
            throw;
        }
    }

    private static PipelineNode Describe(ModelOperationsCatalog catalog, ITransformer model, List<byte[]> parts)
    {
        if (model is RegularizedNeuralNetworkTransformer network)
        {
            using var stream = new MemoryStream();
            network.Save(stream);
            parts.Add(stream.ToArray());
            return PipelineNode.Leaf(PipelineNodeKind.Network, parts.Count - 1);
        }
        if (!HoldsNetwork(model))
        {
            parts.Add(SaveMLNet(catalog, model, null));
            return PipelineNode.Leaf(PipelineNodeKind.MLNet, parts.Count - 1);
        }
        var children = ((IEnumerable<ITransformer>)model).ToList();
        return new PipelineNode(PipelineNodeKind.Chain, 0, children.Select(c => Describe(catalog, c, parts)).ToList(), Scopes(model, children));
    }

    private static bool HoldsNetwork(ITransformer model) =>
        model is RegularizedNeuralNetworkTransformer || (IsChain(model) && ((IEnumerable<ITransformer>)model).Any(HoldsNetwork));

    private static bool IsChain(ITransformer model) =>
        model.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(TransformerChain<>);

    /// <summary>
    /// Each child's scope, read through the chain's public <c>GetModelFor</c>: a child is in the scope of every single
    /// scope (Training, Testing, Scoring) whose model holds it.
    /// </summary>
    private static List<TransformerScope> Scopes(ITransformer chain, List<ITransformer> children)
    {
        var getModelFor = chain.GetType().GetMethod(nameof(TransformerChain<ITransformer>.GetModelFor))!;
        var members = SingleScopes.Select(s => ((IEnumerable<ITransformer>)getModelFor.Invoke(chain, [s])!).ToList()).ToList();
        return children.Select(child => SingleScopes
            .Where((_, i) => members[i].Any(m => ReferenceEquals(m, child)))
            .Aggregate(TransformerScope.None, (all, s) => all | s)).ToList();
    }

    private static byte[] SaveMLNet(ModelOperationsCatalog catalog, ITransformer model, DataViewSchema? schema)
    {
        using var stream = new MemoryStream();
        catalog.Save(model, schema, stream);
        return stream.ToArray();
    }

    private static ITransformer Build(ModelOperationsCatalog catalog, PipelineNode node, byte[][] parts, string path, List<RegularizedNeuralNetworkTransformer> networks)
    {
        switch (node.Kind)
        {
            case PipelineNodeKind.Network:
                using (var stream = new MemoryStream(Part(parts, node.Part, path), writable: false))
                {
                    var network = RegularizedNeuralNetworkTransformer.Load(stream, $"{path} (part {node.Part})");
                    networks.Add(network);
                    return network;
                }
            case PipelineNodeKind.MLNet:
                return LoadMLNet(catalog, parts, node.Part, path, out _);
            case PipelineNodeKind.Chain when node.Children is { } children && node.Scopes is { } scopes && scopes.Count == children.Count:
                return new TransformerChain<ITransformer>(children.Select(c => Build(catalog, c, parts, path, networks)).ToList(), scopes);
            default:
                throw new InvalidDataException($"{path} is truncated or corrupt: its header has a {node.Kind} node without matching children and scopes.");
        }
    }

    private static ITransformer LoadMLNet(ModelOperationsCatalog catalog, byte[][] parts, int index, string path, out DataViewSchema? schema)
    {
        using var stream = new MemoryStream(Part(parts, index, path), writable: false);
        (var model, schema) = PipelineFile.Checked($"{path} (part {index})", () => (catalog.Load(stream, out var s), s));
        return model;
    }

    private static byte[] Part(byte[][] parts, int index, string path) =>
        index >= 0 && index < parts.Length ? parts[index] : throw new InvalidDataException($"{path} is truncated or corrupt: its header names part {index} of {parts.Length}.");
}
