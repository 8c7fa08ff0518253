using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Classic dropout (Hinton et al. 2012; Srivastava et al. 2014): in training each element is zeroed with probability p and
/// the survivors are not rescaled; in eval the output is <c>x·(1−p)</c> — the weight-scaling inference rule, which matches
/// the training-time expectation E[x·m] = (1−p)·x. Equivalent in expectation to <see cref="InvertedDropout"/>, whose
/// weights absorb the factor instead; see <see cref="DropoutConversion"/>.
/// </summary>
public sealed class ClassicDropout : DropoutModule
{
    /// <summary>Creates the module; p in [0, 1).</summary>
    public ClassicDropout(double p = 0.5) : base(nameof(ClassicDropout), p)
    {
    }

    /// <summary>Creates the module with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    public ClassicDropout(Schedule p) : base(nameof(ClassicDropout), p)
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.classic_dropout(input, p, training);
}
