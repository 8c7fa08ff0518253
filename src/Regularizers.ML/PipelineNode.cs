using Microsoft.ML.Data;

namespace Regularizers.ML;

/// <summary>
/// One node of the tree a saved pipeline's header describes: a chain with its children and their scopes, or a leaf
/// whose bytes are part <see cref="Part"/> of the file.
/// </summary>
/// <param name="Kind">What the node is.</param>
/// <param name="Part">The leaf's part index (1-based; part 0 is the input schema); 0 for a chain.</param>
/// <param name="Children">A chain's transformers, in order; null for a leaf.</param>
/// <param name="Scopes">A chain's scope of each child (<c>TransformerChain</c>'s <see cref="TransformerScope"/>); null for a leaf.</param>
internal sealed record PipelineNode(PipelineNodeKind Kind, int Part, IReadOnlyList<PipelineNode>? Children, IReadOnlyList<TransformerScope>? Scopes)
{
    public static PipelineNode Leaf(PipelineNodeKind kind, int part) => new(kind, part, null, null);
}
