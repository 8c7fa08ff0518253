using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Torch.SemiSupervised;

/// <summary>
/// Pseudo-labelling (Lee 2013) with a confidence threshold (as in FixMatch, Sohn et al. 2020): after each labelled
/// batch's <c>backward()</c>, an unlabelled batch u is classified with gradients off; the examples whose top softmax
/// probability is at least τ get that class as target, and
/// <c>w(t)·(1/|u|)·Σ_{i: max p(uᵢ) ≥ τ} CE(f(uᵢ), argmax p(uᵢ))</c> is backpropagated into the same gradients before the
/// optimizer step (seed 004 §3.1: unlabelled data shapes the representation <c>h = f(x)</c>). The model is in training
/// mode for both passes. For a classifier returning logits <c>[N, K]</c>.
/// </summary>
public sealed class PseudoLabelling(UnlabelledBatches unlabelled, double threshold, RampUp weight) : TrainingCallback
{
    private long _step;

    /// <summary>The unlabelled pool.</summary>
    public UnlabelledBatches Unlabelled { get; } = unlabelled ?? throw new ArgumentNullException(nameof(unlabelled));

    /// <summary>τ in (0, 1].</summary>
    public double Threshold { get; } = Guard.InRange(threshold, 0, false, 1, true);

    /// <summary>The unsupervised weight w(t).</summary>
    public RampUp Weight { get; } = weight ?? throw new ArgumentNullException(nameof(weight));

    /// <summary>The fraction of the last unlabelled batch that passed the threshold.</summary>
    public double LastAcceptedFraction { get; private set; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context) => _step = 0;

    /// <inheritdoc />
    public override void OnAfterBackward(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var w = Weight.Weight(_step++);
        using var scope = NewDisposeScope();
        var u = Unlabelled.Next(context.Model.parameters().First().device);
        Tensor confidence, targets;
        using (no_grad())
        {
            (confidence, targets) = nn.functional.softmax(context.Model.call(u), 1).max(1);
        }
        var accepted = confidence.ge(Threshold);
        LastAcceptedFraction = accepted.to_type(ScalarType.Float64).mean().item<double>();
        if (w == 0 || LastAcceptedFraction == 0)
        {
            return;
        }
        var losses = nn.functional.cross_entropy(context.Model.call(u), targets, reduction: nn.Reduction.None);
        (losses * accepted.to_type(losses.dtype)).mean().mul(w).backward();
    }
}
