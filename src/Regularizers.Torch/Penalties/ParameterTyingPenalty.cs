using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>
/// Parameter tying (Goodfellow et al. §7.9): <c>(λ/2)·Σᵢ ‖w_A,i − w_B,i‖²</c> over corresponding parameters of two modules
/// with the same structure, pulling them towards each other without forcing them equal. Gradients flow to both modules.
/// </summary>
public sealed class ParameterTyingPenalty : IPenalty
{
    private readonly nn.Module _a;
    private readonly nn.Module _b;
    private readonly ParameterTargets _targets;

    /// <summary>Ties the targeted parameters of <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <exception cref="ArgumentException">The two modules' targeted parameters differ in names or shapes.</exception>
    public ParameterTyingPenalty(nn.Module a, nn.Module b, double strength, ParameterSelection selection = ParameterSelection.WeightsOnly)
    {
        _a = a ?? throw new ArgumentNullException(nameof(a));
        _b = b ?? throw new ArgumentNullException(nameof(b));
        Strength = Guard.NonNegative(strength);
        _targets = new ParameterTargets(selection);
        var left = _targets.Select(a, nameof(ParameterTyingPenalty));
        var right = _targets.Select(b, nameof(ParameterTyingPenalty));
        var mismatch = left.Count != right.Count
            || left.Zip(right).Any(p => p.First.Name != p.Second.Name || !p.First.Parameter.shape.SequenceEqual(p.Second.Parameter.shape));
        if (mismatch)
        {
            throw new ArgumentException(
                $"b must have the same parameters as a. a: [{Describe(left)}]; b: [{Describe(right)}].", nameof(b));
        }
    }

    /// <summary>λ.</summary>
    public double Strength { get; }

    /// <inheritdoc />
    public string Name => "tying";

    /// <summary>
    /// The penalty as one graph node (<see cref="ParameterTyingFunction"/>) whose backward sends <c>±g·λ·(w_A − w_B)</c>
    /// to both modules.
    /// </summary>
    public Tensor Compute()
    {
        var left = _targets.Select(_a, nameof(ParameterTyingPenalty));
        var right = _targets.Select(_b, nameof(ParameterTyingPenalty));
        var vars = new object[1 + left.Count + right.Count];
        vars[0] = Strength;
        for (var i = 0; i < left.Count; i++)
        {
            vars[1 + i] = left[i].Parameter;
            vars[1 + left.Count + i] = right[i].Parameter;
        }
        // The scope frees forward's own handles to the differences; the node holds the saved ones.
        using var scope = NewDisposeScope();
        return ParameterTyingFunction.apply(vars).MoveToOuterDisposeScope();
    }

    private static string Describe(IEnumerable<(string Name, TorchSharp.Modules.Parameter Parameter)> ps) =>
        string.Join(", ", ps.Select(p => $"{p.Name} [{string.Join("x", p.Parameter.shape)}]"));
}
