using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch;

/// <summary>Σ over parameters of a per-parameter term, times a strength — the shape every norm penalty shares.</summary>
internal static class PenaltySum
{
    public static Tensor Over(IReadOnlyList<(string Name, Parameter Parameter)> parameters, double strength, Func<Tensor, Tensor> term)
    {
        using var scope = NewDisposeScope();
        var total = term(parameters[0].Parameter);
        for (var i = 1; i < parameters.Count; i++)
        {
            total = total + term(parameters[i].Parameter);
        }
        return (total * strength).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Over"/> without recording gradients.</summary>
    public static Tensor Value(IReadOnlyList<(string Name, Parameter Parameter)> parameters, double strength, Func<Tensor, Tensor> term)
    {
        using var noGrad = no_grad();
        return Over(parameters, strength, term);
    }

    /// <summary>
    /// <c>Σ|w|</c> computed as <c>⟨w, sign(w)⟩</c> with the sign detached: the value of <c>w.abs().sum()</c> and the same
    /// subgradient <c>sign(w)</c> (0 at 0) and zero second derivative, but one elementwise pass and a BLAS dot instead of
    /// two passes forward and three backward.
    /// </summary>
    public static Tensor SumAbs(Tensor w)
    {
        using var sign = w.detach().sign();
        using var flatWeights = w.flatten();
        using var flatSign = sign.flatten();
        return dot(flatWeights, flatSign);
    }

    /// <summary><c>Σw²</c> computed as the BLAS dot <c>⟨w, w⟩</c> (gradient <c>2w</c>), cheaper than <c>w.square().sum()</c> in both passes.</summary>
    public static Tensor SumSquares(Tensor w)
    {
        using var flat = w.flatten();
        return dot(flat, flat);
    }

    /// <summary>Adds <c>gradient(w)</c> to each parameter's <c>.grad</c> in place (or sets it when there is none).</summary>
    public static void AddGradient(IReadOnlyList<(string Name, Parameter Parameter)> parameters, Action<Tensor, Tensor> addTo)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (_, p) in parameters)
        {
            var grad = p.grad;
            if (grad is null)
            {
                p.grad = zeros_like(p);
                grad = p.grad;
            }
            addTo(grad!, p);
        }
    }
}
