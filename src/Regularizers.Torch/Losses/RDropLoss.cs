using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Losses;

/// <summary>
/// R-Drop (Liang et al. 2021, "R-Drop: Regularized Dropout for Neural Networks"): two forward passes of the same batch
/// through a model with dropout give logits <c>z¹</c> and <c>z²</c> (two independent dropout masks) and
/// <c>p¹ = softmax(z¹)</c>, <c>p² = softmax(z²)</c>; the loss is
/// <code>
/// L = ½·(CE(z¹, y) + CE(z², y)) + α·½·(KL(p¹‖p²) + KL(p²‖p¹)),   KL(p‖q) = Σₖ pₖ·(log pₖ − log qₖ),
/// </code>
/// every term averaged over the batch. The paper's eq. 3 sums the two cross-entropies, which is 2× this loss with its α
/// equal to 2α here; averaging keeps the loss on one cross-entropy's scale, so the learning rate of a plain run still
/// fits. Targets are class indices [N] or class probabilities [N, K], as for <c>nn.functional.cross_entropy</c>.
/// <para>
/// <see cref="Compute"/> runs the model once on the batch stacked on itself, <c>[x; x]</c> (2N examples), which is the
/// same as two passes for per-element and per-example dropout (masks are drawn independently for every row) and costs
/// about two forward passes (eng/bench <c>rdrop</c>); BatchNorm then sees both copies in one batch, as in the paper's code.
/// </para>
/// </summary>
public sealed class RDropLoss : nn.Module<Tensor, Tensor, Tensor, Tensor>, IModelLoss, IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>Creates the loss.</summary>
    /// <param name="alpha">α ≥ 0, the weight of the symmetric KL; 0 leaves the mean of the two cross-entropies.</param>
    public RDropLoss(double alpha) : base(nameof(RDropLoss)) => Alpha = Guard.NonNegative(alpha);

    /// <summary>Creates the loss with α following <paramref name="alpha"/> (its value at epoch 0, step 0 until advanced).</summary>
    public RDropLoss(Schedule alpha) : base(nameof(RDropLoss))
    {
        _schedule = alpha ?? throw new ArgumentNullException(nameof(alpha));
        Advance(0, 0);
    }

    /// <summary>α.</summary>
    public double Alpha { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => Alpha = _schedule is null ? Alpha : Guard.NonNegative(_schedule.At(epoch, step), nameof(Alpha));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, "alpha", Alpha);

    /// <summary><c>L</c> of the two passes' logits <paramref name="logits1"/>, <paramref name="logits2"/> [N, K] against <paramref name="target"/>.</summary>
    public override Tensor forward(Tensor logits1, Tensor logits2, Tensor target)
    {
        using var scope = NewDisposeScope();
        var ce = (nn.functional.cross_entropy(logits1, target) + nn.functional.cross_entropy(logits2, target)) / 2;
        if (Alpha == 0)
        {
            return ce.MoveToOuterDisposeScope();
        }
        var (log1, log2) = (logits1.log_softmax(1), logits2.log_softmax(1));
        // (p¹ − p²)·(log p¹ − log p²) summed over classes is KL(p¹‖p²) + KL(p²‖p¹).
        var symmetric = ((log1.exp() - log2.exp()) * (log1 - log2)).sum(1).mean();
        return (ce + (symmetric * (Alpha / 2))).MoveToOuterDisposeScope();
    }

    /// <summary>Runs <paramref name="model"/> on <c>[x; x]</c> and returns <c>L</c> of the two halves and the first half's logits.</summary>
    public (Tensor Loss, Tensor Output) Compute(nn.Module<Tensor, Tensor> model, Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        using var scope = NewDisposeScope();
        var n = input.shape[0];
        var both = model.call(cat([input, input]));
        var (first, second) = (both.narrow(0, 0, n), both.narrow(0, n, n));
        return (forward(first, second, target).MoveToOuterDisposeScope(), first.MoveToOuterDisposeScope());
    }
}
