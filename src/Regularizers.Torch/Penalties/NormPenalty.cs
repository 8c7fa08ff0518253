using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// What L1, L2 and elastic net share: <c>Σᵢ φ(wᵢ)</c> over the targeted parameters with
/// <c>φ(w) = λ₁·‖w‖₁ + (λ₂/2)·‖w‖²</c> and <c>∇φ(w) = λ₁·sign(w) + λ₂·w</c> (L1: λ₂ = 0; L2: λ₁ = 0).
/// <para>
/// Each parameter's value is computed as <c>λ₁·⟨w, sign(w)⟩ + (λ₂/2)·⟨w, w⟩</c> (BLAS dots). Through autograd,
/// <see cref="NormPenaltyFunction"/> (one graph node) keeps <c>sign(w)</c> for its backward; in place,
/// <see cref="AddGradient"/> adds <c>λ₁·sign(w) + λ₂·w</c> at the current weights, as SGD's <c>weight_decay</c> does,
/// and nothing is held between the calls (keeping the signs measured 0.96× this at one thread and 1.38× at two on
/// libtorch 2.10: not worth the state).
/// </para>
/// </summary>
internal sealed class NormPenalty
{
    private readonly ParameterTargets _targets;
    private readonly string _owner;
    private readonly double _l1;
    private readonly double _l2;

    public NormPenalty(ParameterTargets targets, string owner, double l1, double l2)
    {
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
        _owner = owner;
        _l1 = l1;
        _l2 = l2;
    }

    /// <summary>The penalty as a 0-dimensional tensor whose backward adds <c>g·∇φ(wᵢ)</c> to each parameter's gradient.</summary>
    public Tensor Compute(nn.Module model)
    {
        var parameters = _targets.Select(model, _owner);
        var vars = new object[parameters.Count + 1];
        vars[0] = this;
        for (var i = 0; i < parameters.Count; i++)
        {
            vars[i + 1] = parameters[i].Parameter;
        }
        // The scope frees forward's own handles to the signs; the node holds the saved ones.
        using var scope = NewDisposeScope();
        return NormPenaltyFunction.apply(vars).MoveToOuterDisposeScope();
    }

    /// <summary>The penalty's value as a 0-dimensional tensor that does not record gradients.</summary>
    public Tensor Value(nn.Module model)
    {
        var parameters = _targets.Select(model, _owner);
        using var noGrad = no_grad();
        var total = 0.0;
        foreach (var (_, p) in parameters)
        {
            total += Term(p, out var sign);
            sign?.Dispose();
        }
        return ClosedFormBackward.Scalar(total, parameters[0].Parameter);
    }

    /// <summary>Adds <c>∇φ(w)</c> at the current weights to each targeted parameter's <c>.grad</c> in place (creating it when there is none).</summary>
    public void AddGradient(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var (_, p) in _targets.Select(model, _owner))
        {
            var existing = p.grad;
            if (existing is null)
            {
                using var zero = zeros_like(p);
                p.grad = zero;
            }
            using var grad = existing ?? p.grad!;
            if (_l1 > 0)
            {
                using var sign = p.sign();
                grad.add_(sign, _l1);
            }
            if (_l2 > 0)
            {
                grad.add_(p, _l2);
            }
        }
    }

    /// <summary>
    /// φ(w), computed without recording gradients; <paramref name="sign"/> is <c>sign(w)</c> (null when λ₁ = 0),
    /// which <see cref="Gradient"/> reuses.
    /// </summary>
    public double Term(Tensor w, out Tensor? sign)
    {
        using var flat = w.flatten();
        var value = 0.0;
        sign = null;
        if (_l1 > 0)
        {
            sign = w.sign();
            using var flatSign = sign.flatten();
            using var l1 = dot(flat, flatSign);
            value += _l1 * l1.ToDouble();
        }
        if (_l2 > 0)
        {
            using var squares = dot(flat, flat);
            value += _l2 / 2 * squares.ToDouble();
        }
        return value;
    }

    /// <summary>
    /// <c>scale·∇φ(w)</c> from <paramref name="sign"/> (as <see cref="Term"/> made it), or null when ∇φ = 0. When grad
    /// mode is on (a backward under <c>create_graph</c>) the gradient is built from <paramref name="w"/> with recorded
    /// ops, sign included, so that it depends on w as autograd's would and second derivatives are φ's Hessian
    /// <c>λ₂·I</c> (0 for L1).
    /// </summary>
    public Tensor? Gradient(Tensor w, Tensor? sign, double scale)
    {
        using var fresh = sign is not null && is_grad_enabled() ? w.sign() : null;
        var s = fresh ?? sign;
        return (s, _l2 > 0) switch
        {
            (null, false) => null,
            (null, true) => w.mul(scale * _l2),
            ({ }, false) => s.mul(scale * _l1),
            ({ }, true) => s.mul(scale * _l1).add_(w, scale * _l2),
        };
    }
}
