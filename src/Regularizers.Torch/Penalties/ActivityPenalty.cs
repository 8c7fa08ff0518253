using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// A penalty on a layer's outputs (the seeds' "sparse representation"): <c>λ·(1/N)·Σₙ Σⱼ |aₙⱼ|</c> (L1) or
/// <c>(λ/2)·(1/N)·Σₙ Σⱼ aₙⱼ²</c> (L2), averaged over the N examples of the current batch. The outputs are captured by a
/// forward hook on the layer, so <see cref="Compute"/> must follow the forward pass of the same batch.
/// Dispose the penalty to remove the hook.
/// </summary>
public sealed class ActivityPenalty : IPenalty, IDisposable
{
    private readonly nn.HookableModule<Func<nn.Module<Tensor, Tensor>, Tensor, Tensor>, Func<nn.Module<Tensor, Tensor>, Tensor, Tensor, Tensor>>.HookRemover _hook;
    private Tensor? _activations;

    /// <summary>Attaches the penalty to <paramref name="layer"/>.</summary>
    /// <param name="layer">The module whose outputs are penalised.</param>
    /// <param name="strength">λ ≥ 0.</param>
    /// <param name="norm">L1 (default) or L2.</param>
    public ActivityPenalty(nn.Module<Tensor, Tensor> layer, double strength, ActivityNorm norm = ActivityNorm.L1)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Strength = Guard.NonNegative(strength);
        if (!Enum.IsDefined(norm))
        {
            throw new ArgumentOutOfRangeException(nameof(norm), norm, $"norm must be L1 or L2. Received: norm={norm}.");
        }
        Norm = norm;
        _hook = layer.register_forward_hook((_, _, output) =>
        {
            // Sequential disposes intermediate outputs once the next layer has run, so keep a view of our own.
            _activations?.Dispose();
            _activations = output.alias();
            return null!;
        });
    }

    /// <summary>λ.</summary>
    public double Strength { get; }

    /// <summary>L1 or L2.</summary>
    public ActivityNorm Norm { get; }

    /// <inheritdoc />
    public string Name => Norm == ActivityNorm.L1 ? "activity_l1" : "activity_l2";

    /// <summary>The penalty on the layer's outputs from its last forward pass.</summary>
    /// <exception cref="InvalidOperationException">The layer has not run since the penalty was attached.</exception>
    public Tensor Compute()
    {
        var a = _activations is { IsInvalid: false } live ? live
            : throw new InvalidOperationException("ActivityPenalty has no activations: call the model on a batch before computing the penalty.");
        using var scope = NewDisposeScope();
        var batch = a.shape[0];
        var total = Norm == ActivityNorm.L1 ? a.abs().sum() * (Strength / batch) : a.square().sum() * (Strength / (2.0 * batch));
        return total.MoveToOuterDisposeScope();
    }

    /// <summary>Removes the forward hook and releases the captured activations.</summary>
    public void Dispose()
    {
        _hook.remove();
        _activations?.Dispose();
    }
}
