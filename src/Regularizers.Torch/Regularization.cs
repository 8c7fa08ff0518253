using static TorchSharp.torch;

namespace Regularizers.Torch;

/// <summary>
/// A set of penalties and constraints for an existing training loop — two lines:
/// <code>
/// var loss = criterion.call(model.call(x), y) + reg.Penalty(model);   // before backward
/// optimizer.step(); reg.AfterStep(model);                             // constraints after the step
/// </code>
/// </summary>
public sealed class Regularization
{
    private readonly Dictionary<string, double> _lastTerms = new();

    /// <summary>Composes penalties (<see cref="IPenalty"/>) and constraints (<see cref="IConstraint"/>), in any order.</summary>
    /// <exception cref="ArgumentException">An item is neither a penalty nor a constraint.</exception>
    public Regularization(params object[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            switch (item)
            {
                case IPenalty p:
                    Penalties.Add(p);
                    break;
                case IConstraint c:
                    Constraints.Add(c);
                    break;
                default:
                    throw new ArgumentException($"items must be penalties (IPenalty) or constraints (IConstraint). Received: {item?.GetType().Name ?? "null"}.", nameof(items));
            }
        }
    }

    /// <summary>The penalties, summed by <see cref="Penalty"/>.</summary>
    public IList<IPenalty> Penalties { get; } = new List<IPenalty>();

    /// <summary>The constraints, applied in order by <see cref="AfterStep"/>.</summary>
    public IList<IConstraint> Constraints { get; } = new List<IConstraint>();

    /// <summary>Each penalty's value at the last <see cref="Penalty"/> call, by name, for logging.</summary>
    public IReadOnlyDictionary<string, double> LastTerms => _lastTerms;

    /// <summary>The sum of all penalties (a differentiable scalar; 0 when there are none).</summary>
    public Tensor Penalty(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _lastTerms.Clear();
        using var scope = NewDisposeScope();
        Tensor total = zeros(Array.Empty<long>());
        foreach (var penalty in Penalties)
        {
            var term = penalty.Compute(model);
            _lastTerms[penalty.Name] = _lastTerms.GetValueOrDefault(penalty.Name) + term.item<float>();
            total = total + term;
        }
        return total.MoveToOuterDisposeScope();
    }

    /// <summary>Applies every constraint, in order; call after <c>optimizer.step()</c>.</summary>
    public void AfterStep(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var constraint in Constraints)
        {
            constraint.Apply(model);
        }
    }
}
