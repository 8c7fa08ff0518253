using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Inverted dropout, the semantics of <c>nn.Dropout</c>: in training each element is zeroed with probability p and the
/// survivors are scaled by 1/(1−p), so the expected output equals the input; in eval the module is the identity.
/// (The seeds write dropout with p as the keep probability — input 0.8, hidden 0.5; here p = 1 − keep: 0.2 and 0.5.)
/// </summary>
public sealed class InvertedDropout : DropoutModule
{
    /// <summary>Creates the module; p in [0, 1).</summary>
    public InvertedDropout(double p = 0.5) : base(nameof(InvertedDropout), p)
    {
    }

    /// <summary>Creates the module with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    public InvertedDropout(Schedule p) : base(nameof(InvertedDropout), p)
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.inverted_dropout(input, p, training);
}
