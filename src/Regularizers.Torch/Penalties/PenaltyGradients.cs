namespace Regularizers.Torch.Penalties;

/// <summary>How <see cref="Regularization"/> gets the penalties' gradients into the parameters' <c>.grad</c>.</summary>
public enum PenaltyGradients
{
    /// <summary>
    /// <see cref="Regularization.Penalty"/> returns a differentiable scalar and <c>backward()</c> computes the gradients
    /// (the default; works for every penalty and any use of the loss).
    /// </summary>
    Autograd,

    /// <summary>
    /// Penalties that know their gradient in closed form (<see cref="IGradientPenalty"/>: L1, L2, elastic net) are left
    /// out of the autograd graph: <see cref="Regularization.Penalty"/> adds their value as a constant (for the logged
    /// loss) and <see cref="Regularization.AfterBackward"/> adds their gradient to <c>.grad</c> in place, as SGD's
    /// <c>weight_decay</c> does. The parameters' gradients are the same as with <see cref="Autograd"/>, at a fraction of
    /// the cost; other penalties still go through autograd. Nothing is held between the two calls: AfterBackward
    /// computes the gradient at the weights as they are when it runs.
    /// </summary>
    InPlace,
}
