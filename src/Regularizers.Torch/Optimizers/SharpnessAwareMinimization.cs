using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Optimizers;

/// <summary>
/// Sharpness-aware minimization (Foret et al., "Sharpness-Aware Minimization for Efficiently Improving Generalization",
/// ICLR 2021) around any TorchSharp optimizer, and its adaptive form ASAM (Kwon et al., "ASAM: Adaptive Sharpness-Aware
/// Minimization for Scale-Invariant Learning of Deep Neural Networks", ICML 2021). Each step takes two gradients:
/// <list type="number">
/// <item><see cref="FirstStep"/>: with the gradient g at w, move to <c>w + ε</c>, where for SAM
/// <c>ε = ρ·g/(‖g‖ + 10⁻¹²)</c> and for ASAM <c>ε = ρ·|w|²⊙g/(‖|w|⊙g‖ + 10⁻¹²)</c> (the element-wise operator
/// <c>T_w = diag(|w|)</c>); the norm is the L2 norm over all the base optimizer's parameters that have a gradient.
/// The gradients are then zeroed.</item>
/// <item>Compute the gradient at <c>w + ε</c> (a second forward and backward pass on the same batch).</item>
/// <item><see cref="SecondStep"/> (or <c>step()</c>): restore w, then the base optimizer's step with the gradient taken at
/// <c>w + ε</c>.</item>
/// </list>
/// With the <see cref="Training.Trainer"/> nothing else is needed: it runs both passes when its optimizer is this type.
/// A hand-written loop either calls the three stages itself or passes a closure that zeroes the gradients, computes the
/// loss, calls <c>backward()</c> and returns the loss; <c>step(closure)</c> evaluates it twice, at w and at w + ε:
/// <code>
/// var sam = new SharpnessAwareMinimization(optim.SGD(model.parameters(), 0.1, momentum: 0.9), rho: 0.05);
/// Tensor Closure() { sam.zero_grad(); var loss = cross_entropy(model.call(x), y); loss.backward(); return loss; }
/// using var loss = sam.step(Closure);          // first closure at w, second at w + ε, then the base step
/// </code>
/// The closure's second pass runs in training mode and so moves BatchNorm's running statistics a second time; for a model
/// with BatchNorm call the stages yourself and wrap the second pass in <c>using (BatchNormStatistics.Frozen(model))</c>,
/// as the Trainer does. The wrapper does not own the base optimizer: dispose that as usual.
/// </summary>
public sealed class SharpnessAwareMinimization : optim.Optimizer
{
    private const double NormEpsilon = 1e-12;
    private List<(Parameter Parameter, Tensor Perturbation)>? _perturbations;

    /// <summary>Wraps <paramref name="baseOptimizer"/>.</summary>
    /// <param name="baseOptimizer">The optimizer that takes the step, with the gradient at the perturbed weights.</param>
    /// <param name="rho">ρ &gt; 0, the radius of the neighbourhood (0.05 in the SAM paper; ASAM uses larger values, e.g. 0.5–2).</param>
    /// <param name="adaptive">ASAM's element-wise scaling by |w| instead of SAM's plain ball.</param>
    public SharpnessAwareMinimization(optim.Optimizer baseOptimizer, double rho = DefaultRho, bool adaptive = false)
        : base(IntPtr.Zero)
    {
        BaseOptimizer = baseOptimizer ?? throw new ArgumentNullException(nameof(baseOptimizer));
        Rho = Guard.Positive(rho);
        Adaptive = adaptive;
    }

    /// <summary>The default ρ, 0.05 (Foret et al.).</summary>
    public const double DefaultRho = 0.05;

    /// <summary>The wrapped optimizer.</summary>
    public optim.Optimizer BaseOptimizer { get; }

    /// <summary>ρ.</summary>
    public double Rho { get; }

    /// <summary>True for ASAM.</summary>
    public bool Adaptive { get; }

    /// <inheritdoc />
    public override IEnumerable<optim.ILearningRateController> ParamGroups => BaseOptimizer.ParamGroups;

    /// <inheritdoc />
    public override IEnumerable<Parameter> parameters() => BaseOptimizer.parameters();

    /// <inheritdoc />
    public override void zero_grad() => BaseOptimizer.zero_grad();

    /// <summary>Moves the weights to <c>w + ε</c> from the current gradients and zeroes the gradients.</summary>
    /// <exception cref="InvalidOperationException">The previous <see cref="FirstStep"/> was not followed by <see cref="SecondStep"/>.</exception>
    public void FirstStep()
    {
        if (_perturbations is not null)
        {
            throw new InvalidOperationException("FirstStep was called twice without SecondStep: the weights are still perturbed. Call SecondStep (or step()) after the second backward pass.");
        }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var withGradient = BaseOptimizer.parameters().Where(p => p.grad is not null).ToList();
        var scaled = withGradient.Select(p => Adaptive ? p.abs().mul(p.grad!) : p.grad!).ToList();
        var norm = scaled.Count == 0 ? 0 : stack(scaled.Select(g => g.norm()).ToList()).norm().to_type(ScalarType.Float64).item<double>();
        var scale = Rho / (norm + NormEpsilon);
        _perturbations = new List<(Parameter, Tensor)>(withGradient.Count);
        for (var i = 0; i < withGradient.Count; i++)
        {
            var p = withGradient[i];
            var e = (Adaptive ? scaled[i].mul(p.abs()) : scaled[i]).mul(scale);
            p.add_(e);
            _perturbations.Add((p, e.DetachFromDisposeScope()));
        }
        BaseOptimizer.zero_grad();
    }

    /// <summary>Restores w from <c>w + ε</c> and takes the base optimizer's step with the gradients now held (those at <c>w + ε</c>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="FirstStep"/> was not called first.</exception>
    public void SecondStep()
    {
        if (_perturbations is null)
        {
            throw new InvalidOperationException("SecondStep needs FirstStep first: compute the gradient at w, call FirstStep, compute the gradient at the perturbed weights, then call SecondStep.");
        }
        using (no_grad())
        {
            foreach (var (p, e) in _perturbations)
            {
                p.sub_(e);
                e.Dispose();
            }
        }
        _perturbations = null;
        BaseOptimizer.step();
    }

    /// <summary>
    /// Without a closure: <see cref="SecondStep"/> (after <see cref="FirstStep"/> and a second backward pass), which is how
    /// the <see cref="Training.Trainer"/> calls it. With a closure (zero the gradients, loss, backward, return the loss): the
    /// closure at w, <see cref="FirstStep"/>, the closure at w + ε, <see cref="SecondStep"/>; returns the loss at w.
    /// </summary>
    public override Tensor step(Func<Tensor>? closure = null)
    {
        if (closure is null)
        {
            SecondStep();
            return null!;
        }
        Tensor loss;
        using (enable_grad())
        {
            loss = closure();
            FirstStep();
            using var perturbed = closure();
        }
        SecondStep();
        return loss;
    }
}
