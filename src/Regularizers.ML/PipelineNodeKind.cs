namespace Regularizers.ML;

/// <summary>What one node of a pipeline saved by <see cref="ModelOperationsCatalogExtensions.SaveWithNetworks"/> is.</summary>
internal enum PipelineNodeKind
{
    /// <summary>A <c>TransformerChain</c> that holds a network somewhere inside: its children are nodes of their own.</summary>
    Chain,

    /// <summary>A transformer (or a chain without networks) saved in ML.NET's own model format.</summary>
    MLNet,

    /// <summary>A <see cref="RegularizedNeuralNetworkTransformer"/> saved in the library's model format.</summary>
    Network,
}
