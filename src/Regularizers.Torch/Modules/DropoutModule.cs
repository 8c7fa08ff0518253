using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// The part every module with a drop probability p in [0, 1) shares (<see cref="InvertedDropout"/>,
/// <see cref="ClassicDropout"/>, <see cref="GaussianDropout"/>, <see cref="DropConnectLinear"/>, <see cref="DropPath"/>,
/// <see cref="SpatialDropout2d"/>, <see cref="DropBlock2d"/>): p given as a number stays fixed; p given as a
/// <see cref="Schedule"/> is set to the schedule's value at (epoch, step) by <see cref="Advance"/>, checked to lie in
/// [0, 1), and reported as <c>p</c> by <see cref="ScheduledValues"/>. What p drops is told by each module.
/// </summary>
public abstract class DropoutModule : nn.Module<Tensor, Tensor>, IScheduled
{
    private readonly Schedule? _schedule;

    /// <summary>A module named <paramref name="name"/> with the fixed drop probability <paramref name="p"/> in [0, 1).</summary>
    protected DropoutModule(string name, double p) : base(name) => this.p = Guard.InRange(p, 0, true, 1, false);

    /// <summary>A module named <paramref name="name"/> whose p follows <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    protected DropoutModule(string name, Schedule p) : base(name)
    {
        _schedule = p ?? throw new ArgumentNullException(nameof(p));
        Advance(0, 0);
    }

    /// <summary>The drop probability now in force.</summary>
    public double p { get; private set; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => p = _schedule is null ? p : Guard.InRange(_schedule.At(epoch, step), 0, true, 1, false, nameof(p));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, nameof(p), p);
}
