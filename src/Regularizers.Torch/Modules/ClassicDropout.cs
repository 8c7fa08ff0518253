using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Classic dropout (Hinton et al. 2012; Srivastava et al. 2014): in training each element is zeroed with probability p and
/// the survivors are not rescaled; in eval the output is <c>x·(1−p)</c> — the weight-scaling inference rule, which matches
/// the training-time expectation E[x·m] = (1−p)·x. Equivalent in expectation to <see cref="InvertedDropout"/>, whose
/// weights absorb the factor instead; see <see cref="DropoutConversion"/>.
/// </summary>
public sealed class ClassicDropout : nn.Module<Tensor, Tensor>, IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>Creates the module; p in [0, 1).</summary>
    public ClassicDropout(double p = 0.5) : base(nameof(ClassicDropout)) => this.p = Guard.InRange(p, 0, true, 1, false);

    /// <summary>Creates the module with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    public ClassicDropout(Schedule p) : base(nameof(ClassicDropout))
    {
        _schedule = p ?? throw new ArgumentNullException(nameof(p));
        Advance(0, 0);
    }

    /// <summary>The drop probability.</summary>
    public double p { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => p = _schedule is null ? p : Guard.InRange(_schedule.At(epoch, step), 0, true, 1, false, nameof(p));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, nameof(p), p);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.classic_dropout(input, p, training);
}
