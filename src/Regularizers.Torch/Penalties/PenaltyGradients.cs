namespace Regularizers.Torch.Penalties;

/// <summary>How <see cref="Regularization"/> gets the weight penalties' gradients into the parameters' <c>.grad</c>.</summary>
public enum PenaltyGradients
{
    /// <summary>
    /// <see cref="Regularization.Penalty"/> returns a differentiable scalar (one graph node per weight penalty) and
    /// <c>backward()</c> computes the gradients (the default; works for any use of the loss, <c>create_graph</c> included).
    /// </summary>
    Autograd,

    /// <summary>
    /// The weight penalties (<see cref="IWeightPenalty"/>: L1, L2, elastic net) are left out of the autograd graph:
    /// <see cref="Regularization.Penalty"/> adds their value as a constant (for the logged loss) and
    /// <see cref="Regularization.AfterBackward"/> adds <c>∇φ(w)</c> to <c>.grad</c> in place, as SGD's
    /// <c>weight_decay</c> does. The parameters' gradients are the same as with <see cref="Autograd"/>, at less cost;
    /// other penalties still go through autograd. Nothing is held between the two calls.
    /// </summary>
    InPlace,
}
