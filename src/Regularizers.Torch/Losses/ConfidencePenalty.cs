using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Losses;

/// <summary>
/// The confidence penalty (Pereyra et al. 2017, "Regularizing Neural Networks by Penalizing Confident Output
/// Distributions"): cross-entropy minus β times the entropy of the predicted distribution <c>p = softmax(z)</c>,
/// <code>
/// L = CE(z, y) − β·H(p),   H(p) = −Σₖ pₖ·log pₖ,
/// </code>
/// averaged over the batch. Since <c>−H(p) = KL(p‖u) − log K</c> for the uniform u over K classes, it penalises
/// <c>KL(p‖u)</c>; uniform label smoothing with ε is <c>(1−ε)·CE + ε·(KL(u‖p) + log K)</c>, the same divergence in the
/// other direction (Pereyra et al. §3.2). The gradient of <c>−β·H</c> with respect to the logits is
/// <c>β·pₖ·(log pₖ + H(p))</c>, against label smoothing's <c>ε·(pₖ − 1/K)</c>. Targets are class indices [N] or class
/// probabilities [N, K], as for <c>nn.functional.cross_entropy</c>.
/// </summary>
public sealed class ConfidencePenalty : nn.Module<Tensor, Tensor, Tensor>, IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>Creates the loss.</summary>
    /// <param name="beta">β ≥ 0, the weight of the entropy; 0 gives plain cross-entropy.</param>
    public ConfidencePenalty(double beta) : base(nameof(ConfidencePenalty)) => Beta = Guard.NonNegative(beta);

    /// <summary>Creates the loss with β following <paramref name="beta"/> (its value at epoch 0, step 0 until advanced).</summary>
    public ConfidencePenalty(Schedule beta) : base(nameof(ConfidencePenalty))
    {
        _schedule = beta ?? throw new ArgumentNullException(nameof(beta));
        Advance(0, 0);
    }

    /// <summary>β.</summary>
    public double Beta { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => Beta = _schedule is null ? Beta : Guard.NonNegative(_schedule.At(epoch, step), nameof(Beta));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, "beta", Beta);

    /// <summary><c>L</c> of <paramref name="input"/> logits [N, K] against <paramref name="target"/>.</summary>
    public override Tensor forward(Tensor input, Tensor target)
    {
        using var scope = NewDisposeScope();
        var logp = input.log_softmax(1);
        var ce = nn.functional.cross_entropy(input, target);
        var entropy = -(logp.exp() * logp).sum(1).mean();
        return (ce - (entropy * Beta)).MoveToOuterDisposeScope();
    }
}
