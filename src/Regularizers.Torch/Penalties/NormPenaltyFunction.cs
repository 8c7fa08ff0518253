using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// The autograd node of a <see cref="NormPenalty"/> (arguments: the penalty, then the parameters). Forward returns
/// <c>Σᵢ φ(wᵢ)</c> and saves each <c>sign(wᵢ)</c>; backward returns <c>g·∇φ(wᵢ)</c> for each parameter. One node in
/// place of a chain of elementwise ops and scalar sums, each with its own backward.
/// </summary>
internal sealed class NormPenaltyFunction : autograd.SingleTensorFunction<NormPenaltyFunction>
{
    private const string PenaltyKey = "penalty";

    /// <inheritdoc />
    public override string Name => "NormPenaltyBackward";

    /// <inheritdoc />
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var penalty = (NormPenalty)vars[0];
        var count = vars.Length - 1;
        // Saved: the parameters, then their signs (null where λ₁ = 0).
        var saved = new List<Tensor>(new Tensor[2 * count]);
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            var w = (Tensor)vars[i + 1];
            total += penalty.Term(w, out var sign);
            saved[i] = w;
            saved[count + i] = sign!;
        }
        ctx.save_data(PenaltyKey, penalty);
        ctx.save_for_backward(saved);
        return ClosedFormBackward.Scalar(total, (Tensor)vars[1]);
    }

    /// <inheritdoc />
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var penalty = (NormPenalty)ctx.get_data(PenaltyKey);
        var saved = ctx.get_saved_variables();
        var count = saved.Count / 2;
        var scale = ClosedFormBackward.Scale(grad_output);
        var gradients = new List<Tensor>(count + 1) { null! };
        for (var i = 0; i < count; i++)
        {
            gradients.Add(ClosedFormBackward.Times(penalty.Gradient(saved[i], saved[count + i], scale), grad_output)!);
        }
        return gradients;
    }
}
