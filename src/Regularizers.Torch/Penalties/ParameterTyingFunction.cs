using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// The autograd node of <see cref="ParameterTyingPenalty"/> (arguments: λ, then the n parameters of A, then the n of B).
/// Forward returns <c>(λ/2)·Σᵢ ⟨dᵢ, dᵢ⟩</c> with <c>dᵢ = aᵢ − bᵢ</c> and saves each dᵢ; backward returns <c>g·λ·dᵢ</c>
/// for aᵢ and <c>−g·λ·dᵢ</c> for bᵢ (none for a parameter that does not require grad). Under <c>create_graph</c> the
/// differences are rebuilt from the parameters with recorded ops, so second derivatives are <c>±λ·I</c>.
/// </summary>
internal sealed class ParameterTyingFunction : autograd.SingleTensorFunction<ParameterTyingFunction>
{
    private const string StrengthKey = "strength";

    /// <inheritdoc />
    public override string Name => "ParameterTyingBackward";

    /// <inheritdoc />
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var strength = (double)vars[0];
        var count = (vars.Length - 1) / 2;
        var saved = new List<Tensor>(3 * count);
        var differences = new List<Tensor>(count);
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            var a = (Tensor)vars[1 + i];
            var b = (Tensor)vars[1 + count + i];
            var d = a - b;
            using var flat = d.flatten();
            using var squares = dot(flat, flat);
            total += squares.ToDouble();
            saved.Add(a);
            differences.Add(d);
        }
        for (var i = 0; i < count; i++)
        {
            saved.Add((Tensor)vars[1 + count + i]);
        }
        saved.AddRange(differences);
        ctx.save_data(StrengthKey, strength);
        ctx.save_for_backward(saved);
        return ClosedFormBackward.Scalar(strength / 2 * total, (Tensor)vars[1]);
    }

    /// <inheritdoc />
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var strength = (double)ctx.get_data(StrengthKey);
        var saved = ctx.get_saved_variables();
        var count = saved.Count / 3;
        var scale = strength * ClosedFormBackward.Scale(grad_output);
        var recorded = is_grad_enabled();
        var toA = new List<Tensor>(count);
        var toB = new List<Tensor>(count);
        for (var i = 0; i < count; i++)
        {
            var (a, b) = (saved[i], saved[count + i]);
            var d = recorded ? a - b : saved[2 * count + i];
            toA.Add(a.requires_grad ? ClosedFormBackward.Times(d.mul(scale), grad_output)! : null!);
            toB.Add(b.requires_grad ? ClosedFormBackward.Times(d.mul(-scale), grad_output)! : null!);
        }
        return [null!, .. toA, .. toB];
    }
}
