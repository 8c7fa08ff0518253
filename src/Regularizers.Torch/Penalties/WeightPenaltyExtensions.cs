using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>One weight penalty used on its own, outside a <see cref="Regularization"/>.</summary>
public static class WeightPenaltyExtensions
{
    /// <summary>
    /// <c>Σ φ(w)</c> over the parameters of <paramref name="model"/> that the penalty's
    /// <see cref="IWeightPenalty.Targets"/> select, as a 0-dimensional tensor whose backward adds <c>g·∇φ(w)</c> to each
    /// one's gradient.
    /// </summary>
    /// <exception cref="InvalidOperationException">The targets match no parameter of the model.</exception>
    public static Tensor Compute(this IWeightPenalty penalty, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        return penalty.Compute(penalty.Targets.Select(model, penalty.GetType().Name).Select(p => (Tensor)p.Parameter).ToArray());
    }

    /// <summary><c>Σ φ(w)</c> over <paramref name="weights"/>, as a 0-dimensional tensor that records gradients (one graph node).</summary>
    /// <exception cref="ArgumentException">No weight is given.</exception>
    public static Tensor Compute(this IWeightPenalty penalty, params Tensor[] weights)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length == 0)
        {
            throw new ArgumentException("weights must hold at least one tensor. Received: none.", nameof(weights));
        }
        return WeightPenaltyFunction.apply([penalty, .. weights]);
    }

    /// <summary>
    /// Adds <c>∇φ(w)</c> at the current weights to the <c>.grad</c> of each parameter of <paramref name="model"/> that
    /// the targets select (creating it when there is none), without recording gradients: what
    /// <see cref="Regularization.AfterBackward"/> does under <see cref="PenaltyGradients.InPlace"/>, as SGD's
    /// <c>weight_decay</c> adds <c>λ·w</c>.
    /// </summary>
    public static void AddGradient(this IWeightPenalty penalty, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        using var noGrad = no_grad();
        foreach (var (_, p) in penalty.Targets.Select(model, penalty.GetType().Name))
        {
            using var gradient = penalty.Gradient(p);
            if (p.grad is { } grad)
            {
                using (grad)
                {
                    grad.add_(gradient);
                }
            }
            else
            {
                p.grad = gradient;
            }
        }
    }
}
