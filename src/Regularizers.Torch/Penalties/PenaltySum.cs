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
}
