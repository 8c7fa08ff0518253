namespace Regularizers.Reference.Networks;

/// <summary>What a forward pass keeps for the backward pass: each layer's input, pre-activation z and output a.</summary>
/// <param name="Inputs">Layer l's input (the previous layer's output; the batch for layer 0).</param>
/// <param name="PreActivations">z of each layer.</param>
/// <param name="Outputs">a = f(z) of each layer; the last is the network's output (logits).</param>
public sealed record ForwardPass(IReadOnlyList<Matrix> Inputs, IReadOnlyList<Matrix> PreActivations, IReadOnlyList<Matrix> Outputs)
{
    /// <summary>The network's output.</summary>
    public Matrix Output => Outputs[^1];
}
