using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Converts a trained <c>Sequential</c> between classic and inverted dropout without retraining, keeping its eval-mode function.
/// A classic-dropout network computes <c>W·((1−p)·h)</c> at inference and an inverted one <c>W′·h</c>; the two agree when
/// <c>W′ = (1−p)·W</c>. The two training procedures are equivalent in expectation: inverted dropout's <c>h·m/(1−p)</c> has the
/// same mean h as the classic rule's eval output divided by (1−p), so a network trained one way has a counterpart trained the
/// other way whose following weights differ by exactly that factor. Conversion therefore swaps each dropout module and
/// rescales the weight (not the bias) of the next Linear or Conv2d layer: by (1−p) for classic → inverted, by 1/(1−p) for
/// inverted → classic. The result is a new Sequential that shares every other module with the original.
/// </summary>
public static class DropoutConversion
{
    /// <summary>Replaces each <see cref="ClassicDropout"/> (p) by <see cref="InvertedDropout"/> (p) and multiplies the next layer's weight by (1−p).</summary>
    public static Sequential ToInverted(Sequential model) =>
        Convert(model, m => m is ClassicDropout c ? (new InvertedDropout(c.p), 1 - c.p) : null);

    /// <summary>Replaces each <see cref="InvertedDropout"/> or <c>nn.Dropout</c> (p) by <see cref="ClassicDropout"/> (p) and divides the next layer's weight by (1−p).</summary>
    public static Sequential ToClassic(Sequential model) => Convert(model, m => m switch
    {
        InvertedDropout d => (new ClassicDropout(d.p), 1 / (1 - d.p)),
        Dropout d => (new ClassicDropout(d.p), 1 / (1 - d.p)),
        _ => null,
    });

    private static Sequential Convert(Sequential model, Func<nn.Module, (nn.Module<Tensor, Tensor> Replacement, double Scale)?> swap)
    {
        ArgumentNullException.ThrowIfNull(model);
        var children = model.named_children().ToList();
        var result = new List<(string, nn.Module<Tensor, Tensor>)>();
        double? pendingScale = null;
        foreach (var (name, child) in children)
        {
            var swapped = swap(child);
            if (swapped is { } s)
            {
                result.Add((name, s.Replacement));
                pendingScale = (pendingScale ?? 1) * s.Scale;
                continue;
            }
            if (pendingScale is { } scale && child is Linear or Conv2d)
            {
                using (no_grad())
                {
                    (child is Linear l ? l.weight : ((Conv2d)child).weight).mul_(scale);
                }
                pendingScale = null;
            }
            result.Add((name, (nn.Module<Tensor, Tensor>)child));
        }
        if (pendingScale is not null)
        {
            throw new ArgumentException("model ends with a dropout module that no Linear or Conv2d layer follows, so its scale cannot be absorbed.", nameof(model));
        }
        return nn.Sequential(result.ToArray());
    }
}
