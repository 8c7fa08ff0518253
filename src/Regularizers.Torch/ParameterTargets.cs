using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch;

/// <summary>
/// Picks the parameters a penalty or constraint applies to: a <see cref="ParameterSelection"/> and, optionally, a list of
/// parameter or sub-module names (a name matches itself and everything under it, e.g. "fc1" matches "fc1.weight").
/// </summary>
public sealed class ParameterTargets
{
    /// <summary>Creates a target set.</summary>
    public ParameterTargets(ParameterSelection selection = ParameterSelection.WeightsOnly, IReadOnlyList<string>? names = null)
    {
        if (!Enum.IsDefined(selection))
        {
            throw new ArgumentOutOfRangeException(nameof(selection), selection, $"selection must be WeightsOnly or All. Received: selection={selection}.");
        }
        Selection = selection;
        Names = names ?? Array.Empty<string>();
    }

    /// <summary>Weights or all parameters.</summary>
    public ParameterSelection Selection { get; }

    /// <summary>Parameter or sub-module names to restrict to; empty means the whole model.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>True when <paramref name="name"/> (a dotted parameter name) with <paramref name="dimensions"/> dimensions is targeted.</summary>
    public bool Matches(string name, long dimensions)
    {
        if (Selection == ParameterSelection.WeightsOnly && (dimensions <= 1 || name == "bias" || name.EndsWith(".bias", StringComparison.Ordinal)))
        {
            return false;
        }
        return Names.Count == 0 || Names.Any(n => name == n || name.StartsWith(n + ".", StringComparison.Ordinal));
    }

    /// <summary>The targeted parameters of <paramref name="model"/>; throws when none match, so a misconfigured regularizer never silently does nothing.</summary>
    /// <exception cref="InvalidOperationException">No parameter matches.</exception>
    public IReadOnlyList<(string Name, Parameter Parameter)> Select(nn.Module model, string owner)
    {
        ArgumentNullException.ThrowIfNull(model);
        var selected = model.named_parameters().Where(p => Matches(p.name, p.parameter.dim())).ToList();
        if (selected.Count == 0)
        {
            var scope = Names.Count == 0 ? "the model" : $"[{string.Join(", ", Names)}]";
            throw new InvalidOperationException(
                $"{owner} matches no parameter of {scope} with selection {Selection}. Parameters: [{string.Join(", ", model.named_parameters().Select(p => p.name))}].");
        }
        return selected;
    }
}
