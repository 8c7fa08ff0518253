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
