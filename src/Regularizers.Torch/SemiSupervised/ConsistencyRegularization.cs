using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Torch.SemiSupervised;

/// <summary>
/// The Π-model's consistency term (Laine &amp; Aila 2017): after each labelled batch's <c>backward()</c>, an unlabelled
/// batch u goes through the model twice in training mode — two dropout masks, two noise draws — and
/// <c>w(t)·(1/(|u|·K))·Σᵢ ‖softmax(f₁(uᵢ)) − softmax(f₂(uᵢ))‖²</c> is backpropagated into the same gradients before the
/// optimizer step, so predictions must agree under the model's own stochasticity (both passes receive gradients, as
/// in the Π-model). The model needs something random in training mode (dropout, noise) or the term is 0. For a
/// classifier returning logits <c>[N, K]</c>.
/// </summary>
public sealed class ConsistencyRegularization(UnlabelledBatches unlabelled, RampUp weight) : TrainingCallback
{
    private long _step;

    /// <summary>The unlabelled pool.</summary>
    public UnlabelledBatches Unlabelled { get; } = unlabelled ?? throw new ArgumentNullException(nameof(unlabelled));

    /// <summary>The consistency weight w(t).</summary>
    public RampUp Weight { get; } = weight ?? throw new ArgumentNullException(nameof(weight));

    /// <summary>The last unweighted consistency term.</summary>
    public double LastConsistency { get; private set; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context) => _step = 0;

    /// <inheritdoc />
    public override void OnAfterBackward(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var w = Weight.Weight(_step++);
        using var scope = NewDisposeScope();
        var u = Unlabelled.Next(context.Model.parameters().First().device);
        var first = nn.functional.softmax(context.Model.call(u), 1);
        var second = nn.functional.softmax(context.Model.call(u), 1);
        var consistency = nn.functional.mse_loss(first, second);
        LastConsistency = consistency.item<float>();
        if (w > 0)
        {
            consistency.mul(w).backward();
        }
    }
}
