using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Schedules;

/// <summary>
/// Advances and reads every <see cref="IScheduled"/> strength of a training setup in one call — what a hand-written loop
/// needs, once before each batch:
/// <code>
/// ScheduledStrengths.Advance(epoch, step, model, regularization, loss);   // 0-based epoch, 0-based global step
/// </code>
/// Each owner may be an <c>nn.Module</c> (the module itself and all its submodules are searched), a
/// <see cref="Regularization"/> (its penalties and constraints), an <see cref="IScheduled"/>, or null (skipped). Since a
/// <see cref="Schedule"/> is a function of (epoch, step) alone, a loop resumed from a checkpoint at epoch e continues
/// the schedules exactly by passing e.
/// </summary>
public static class ScheduledStrengths
{
    /// <summary>No scheduled strengths: what an <see cref="IScheduled"/> whose strengths are all plain numbers reports.</summary>
    internal static readonly IReadOnlyDictionary<string, double> None = new Dictionary<string, double>();

    /// <summary>Sets every scheduled strength of <paramref name="owners"/> to its value at (<paramref name="epoch"/>, <paramref name="step"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A schedule's value is outside its strength's range, or epoch or step is negative.</exception>
    public static void Advance(int epoch, long step, params object?[] owners) => Advance(Find(owners), epoch, step);

    /// <summary>
    /// The scheduled strengths of <paramref name="owners"/> now in force, named <c>{module path}.{parameter}</c> for a
    /// module's submodules (e.g. <c>dropout1.p</c>), <c>{regularizer name}.{parameter}</c> for a <see cref="Regularization"/>'s
    /// items (e.g. <c>l2.strength</c>), <c>{type name}.{parameter}</c> for an owner itself (e.g. <c>LabelSmoothingCrossEntropy.epsilon</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Values(params object?[] owners) => Values(Find(owners));

    /// <summary><see cref="Advance(int, long, object?[])"/> over strengths <see cref="Find"/> collected once (the Trainer's per-batch call).</summary>
    internal static void Advance(IReadOnlyList<(string Prefix, IScheduled Scheduled)> found, int epoch, long step)
    {
        Guard.AtLeast(epoch, 0);
        if (step < 0)
        {
            throw Guard.OutOfRange(step, "an integer greater than or equal to 0", nameof(step));
        }
        foreach (var (_, scheduled) in found)
        {
            scheduled.Advance(epoch, step);
        }
    }

    /// <summary><see cref="Values(object?[])"/> over strengths <see cref="Find"/> collected once.</summary>
    internal static IReadOnlyDictionary<string, double> Values(IReadOnlyList<(string Prefix, IScheduled Scheduled)> found)
    {
        Dictionary<string, double>? values = null;
        foreach (var (prefix, scheduled) in found)
        {
            foreach (var (name, value) in scheduled.ScheduledValues)
            {
                values ??= [];
                values[$"{prefix}.{name}"] = value;
            }
        }
        return values ?? None;
    }

    /// <summary>The empty set of values, or one named value when <paramref name="schedule"/> is set: what an <see cref="IScheduled"/> with one strength reports.</summary>
    internal static IReadOnlyDictionary<string, double> One(Schedule? schedule, string name, double value) =>
        schedule is null ? None : new Dictionary<string, double> { [name] = value };

    /// <summary>Every <see cref="IScheduled"/> of <paramref name="owners"/>, once each, with the prefix of its values' names.</summary>
    internal static IReadOnlyList<(string Prefix, IScheduled Scheduled)> Find(object?[] owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var found = new List<(string, IScheduled)>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void Add(string prefix, object item)
        {
            if (item is IScheduled scheduled && seen.Add(item))
            {
                found.Add((prefix, scheduled));
            }
        }
        foreach (var owner in owners)
        {
            switch (owner)
            {
                case null:
                    break;
                case nn.Module module:
                    Add(module.GetType().Name, module);
                    foreach (var (name, child) in module.named_modules())
                    {
                        Add(name, child);
                    }
                    break;
                case Regularization regularization:
                    foreach (var item in regularization)
                    {
                        Add(item.Name, item);
                    }
                    break;
                default:
                    Add(owner.GetType().Name, owner);
                    break;
            }
        }
        return found;
    }
}
