using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch;

/// <summary>
/// A set of penalties and constraints for an existing training loop — two lines:
/// <code>
/// var loss = criterion.call(model.call(x), y) + reg.Penalty(model);   // before backward
/// optimizer.step(); reg.AfterStep(model);                             // constraints after the step
/// </code>
/// With <see cref="Gradients"/> = <see cref="PenaltyGradients.InPlace"/> a third line, <c>reg.AfterBackward(model)</c>
/// between <c>backward()</c> and <c>step()</c>, adds the closed-form penalties' gradients in place instead of through
/// autograd (same gradients, less work per step).
/// Items come in the constructor or a collection initializer: <c>new Regularization { new L2Penalty(1e-4), new MaxNorm(3) }</c>.
/// </summary>
public sealed class Regularization : IEnumerable<IRegularizer>
{
    private IReadOnlyDictionary<string, double> _lastTerms = new Dictionary<string, double>();

    /// <summary>Composes penalties (<see cref="IPenalty"/>) and constraints (<see cref="IConstraint"/>), in any order.</summary>
    /// <exception cref="ArgumentException">An item is null, or implements <see cref="IRegularizer"/> but neither interface.</exception>
    public Regularization(params IRegularizer[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>Adds a penalty or a constraint (what a collection initializer calls).</summary>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null, or neither a penalty nor a constraint.</exception>
    public void Add(IRegularizer item)
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
                throw new ArgumentException($"items must be penalties (IPenalty) or constraints (IConstraint). Received: {item?.GetType().Name ?? "null"}.", nameof(item));
        }
    }

    /// <summary>The penalties, then the constraints.</summary>
    public IEnumerator<IRegularizer> GetEnumerator() => Penalties.Cast<IRegularizer>().Concat(Constraints).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The penalties, summed by <see cref="Penalty"/>.</summary>
    public IList<IPenalty> Penalties { get; } = new List<IPenalty>();

    /// <summary>The constraints, applied in order by <see cref="AfterStep"/>.</summary>
    public IList<IConstraint> Constraints { get; } = new List<IConstraint>();

    /// <summary>How penalties' gradients reach <c>.grad</c>; <see cref="PenaltyGradients.Autograd"/> by default.</summary>
    public PenaltyGradients Gradients { get; init; } = PenaltyGradients.Autograd;

    /// <summary>Each penalty's value at the last <see cref="Penalty"/> call, by name, for logging.</summary>
    public IReadOnlyDictionary<string, double> LastTerms => _lastTerms;

    /// <summary>
    /// The sum of all penalties (a differentiable scalar; 0 when there are none). Under
    /// <see cref="PenaltyGradients.InPlace"/> the <see cref="IGradientPenalty"/> terms enter as constants and their
    /// gradients come from <see cref="AfterBackward"/>.
    /// </summary>
    public Tensor Penalty(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // A new dictionary per call, published at the end: bagging members training in parallel share one Regularization.
        var terms = new Dictionary<string, double>();
        using var scope = NewDisposeScope();
        Tensor? total = null;
        foreach (var penalty in Penalties)
        {
            var term = Gradients == PenaltyGradients.InPlace && penalty is IGradientPenalty closedForm ? closedForm.Value(model) : penalty.Compute(model);
            terms[penalty.Name] = terms.GetValueOrDefault(penalty.Name) + term.ToDouble();
            total = total is null ? term : total + term;
        }
        _lastTerms = terms;
        return (total ?? zeros(Array.Empty<long>())).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Under <see cref="PenaltyGradients.InPlace"/>, adds each <see cref="IGradientPenalty"/>'s gradient to the
    /// parameters' <c>.grad</c>; call after <c>backward()</c> and before <c>optimizer.step()</c>. Does nothing under
    /// <see cref="PenaltyGradients.Autograd"/>, so loops may always call it.
    /// </summary>
    public void AfterBackward(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Gradients != PenaltyGradients.InPlace)
        {
            return;
        }
        foreach (var penalty in Penalties.OfType<IGradientPenalty>())
        {
            penalty.AddGradient(model);
        }
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
