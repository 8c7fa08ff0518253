using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch;

/// <summary>
/// A set of penalties and constraints for an existing training loop — two lines:
/// <code>
/// var reg = new Regularization { new L2Penalty(1e-4), new MaxNorm(3) };
/// var loss = criterion.call(model.call(x), y) + reg.Penalty(model);   // before backward
/// optimizer.step(); reg.AfterStep(model);                             // constraints after the step
/// </code>
/// With <c>new Regularization(PenaltyGradients.InPlace) { … }</c> a third line, <c>reg.AfterBackward(model)</c>
/// between <c>backward()</c> and <c>step()</c>, adds the weight penalties' gradients in place instead of through
/// autograd (same gradients, less work per step).
/// <para>
/// The items say what to compute and on which parameters (their <c>Targets</c>); this class does the selecting, once
/// per call, and holds no tensors between calls. Under <see cref="PenaltyGradients.InPlace"/> it remembers, per model,
/// whether a <see cref="Penalty"/> still awaits its <see cref="AfterBackward"/>: a loop that forgets that line would
/// otherwise train with no penalty at all, silently, so the next <see cref="Penalty"/> on that model throws instead.
/// </para>
/// </summary>
public sealed class Regularization : IEnumerable<IRegularizer>
{
    private readonly List<IWeightPenalty> _weightPenalties = [];
    private readonly List<IPenalty> _penalties = [];
    private readonly List<IConstraint> _constraints = [];
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<nn.Module, System.Runtime.CompilerServices.StrongBox<bool>> _awaitingGradients = [];
    private IReadOnlyDictionary<string, double> _lastTerms = new Dictionary<string, double>();

    /// <summary>Creates an empty set; add items with a collection initializer or <c>Add</c>.</summary>
    /// <param name="gradients">How the weight penalties' gradients reach <c>.grad</c>: through autograd (default) or in place.</param>
    public Regularization(PenaltyGradients gradients = PenaltyGradients.Autograd)
    {
        if (!Enum.IsDefined(gradients))
        {
            throw new ArgumentOutOfRangeException(nameof(gradients), gradients, $"gradients must be Autograd or InPlace. Received: gradients={gradients}.");
        }
        Gradients = gradients;
    }

    /// <summary>Adds a penalty on parameter tensors (L1, L2, elastic net), summed by <see cref="Penalty"/>.</summary>
    public void Add(IWeightPenalty penalty) => _weightPenalties.Add(penalty ?? throw new ArgumentNullException(nameof(penalty)));

    /// <summary>Adds a penalty bound to its own modules (activity, tying), summed by <see cref="Penalty"/>.</summary>
    public void Add(IPenalty penalty) => _penalties.Add(penalty ?? throw new ArgumentNullException(nameof(penalty)));

    /// <summary>Adds a constraint, applied in the order added by <see cref="AfterStep"/>.</summary>
    public void Add(IConstraint constraint) => _constraints.Add(constraint ?? throw new ArgumentNullException(nameof(constraint)));

    /// <summary>The penalties on parameter tensors.</summary>
    public IReadOnlyList<IWeightPenalty> WeightPenalties => _weightPenalties;

    /// <summary>The penalties bound to their own modules at construction (activity, tying).</summary>
    public IReadOnlyList<IPenalty> BoundPenalties => _penalties;

    /// <summary>The constraints, in the order <see cref="AfterStep"/> applies them.</summary>
    public IReadOnlyList<IConstraint> Constraints => _constraints;

    /// <summary>True when there is at least one penalty of either kind, so <see cref="Penalty"/> is worth calling.</summary>
    public bool HasPenalties => _weightPenalties.Count + _penalties.Count > 0;

    /// <summary>How the weight penalties' gradients reach <c>.grad</c>; <see cref="PenaltyGradients.Autograd"/> by default.</summary>
    public PenaltyGradients Gradients { get; }

    /// <summary>Each penalty's value at the last <see cref="Penalty"/> call, by name, for logging.</summary>
    public IReadOnlyDictionary<string, double> LastTerms => _lastTerms;

    /// <summary>The weight penalties, the other penalties, then the constraints.</summary>
    public IEnumerator<IRegularizer> GetEnumerator() =>
        _weightPenalties.Cast<IRegularizer>().Concat(_penalties).Concat(_constraints).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The sum of all penalties, a 0-dimensional tensor that records gradients (0 when there are none). Under
    /// <see cref="PenaltyGradients.InPlace"/> the weight penalties enter as constants (so the logged loss still holds
    /// them) and their gradients come from <see cref="AfterBackward"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A penalty's targets match no parameter of the model; or, under <see cref="PenaltyGradients.InPlace"/>, the previous
    /// <see cref="Penalty"/> on this model was not followed by <see cref="AfterBackward"/>.
    /// </exception>
    public Tensor Penalty(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Gradients == PenaltyGradients.InPlace && _weightPenalties.Count > 0)
        {
            // One flag per model: bagging members training in parallel share one Regularization.
            var awaiting = _awaitingGradients.GetOrCreateValue(model);
            if (awaiting.Value)
            {
                throw new InvalidOperationException(
                    "Regularization(PenaltyGradients.InPlace): Penalty(model) was called again before AfterBackward(model) added the " +
                    "previous step's penalty gradients, so that step trained without its weight penalties. Call reg.AfterBackward(model) " +
                    "after loss.backward() and before optimizer.step(), or use PenaltyGradients.Autograd, where Penalty alone suffices.");
            }
            awaiting.Value = true;
        }
        // A new dictionary per call, published at the end: bagging members training in parallel share one Regularization.
        var terms = new Dictionary<string, double>();
        using var scope = NewDisposeScope();
        Tensor? total = null;
        void Accumulate(string name, Tensor term)
        {
            terms[name] = terms.GetValueOrDefault(name) + term.ToDouble();
            total = total is null ? term : total + term;
        }
        foreach (var penalty in _weightPenalties)
        {
            Accumulate(penalty.Name, Gradients == PenaltyGradients.InPlace ? ValueOf(penalty, model) : penalty.Compute(model));
        }
        foreach (var penalty in _penalties)
        {
            Accumulate(penalty.Name, penalty.Compute());
        }
        _lastTerms = terms;
        return (total ?? zeros(Array.Empty<long>())).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Under <see cref="PenaltyGradients.InPlace"/>, adds each weight penalty's gradient <c>∇φ(w)</c>, at the weights as
    /// they are now, to the targeted parameters' <c>.grad</c>; call after <c>backward()</c> and before
    /// <c>optimizer.step()</c>. Does nothing under <see cref="PenaltyGradients.Autograd"/>, so loops may always call it.
    /// </summary>
    public void AfterBackward(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Gradients != PenaltyGradients.InPlace)
        {
            return;
        }
        foreach (var penalty in _weightPenalties)
        {
            penalty.AddGradient(model);
        }
        if (_awaitingGradients.TryGetValue(model, out var awaiting))
        {
            awaiting.Value = false;
        }
    }

    /// <summary>Applies every constraint to its targeted parameters, in order; call after <c>optimizer.step()</c>.</summary>
    public void AfterStep(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var constraint in _constraints)
        {
            constraint.Apply(model);
        }
    }

    private static Tensor ValueOf(IWeightPenalty penalty, nn.Module model)
    {
        var parameters = penalty.Targets.Select(model, penalty.GetType().Name);
        return ClosedFormBackward.Scalar(parameters.Sum(p => penalty.Value(p.Parameter)), parameters[0].Parameter);
    }
}
