using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>
/// MixUp (Zhang et al. 2018, "mixup: Beyond Empirical Risk Minimization"): with a random permutation π of the batch and
/// each example's own <c>λᵢ ~ Beta(α, α)</c>, <c>x̃ᵢ = λᵢ·xᵢ + (1 − λᵢ)·x_π(i)</c> and
/// <c>ỹᵢ = λᵢ·yᵢ + (1 − λᵢ)·y_π(i)</c> on one-hot (or soft) targets. The paper draws one λ per batch; a λ per example
/// (timm's "elem" mode) mixes more evenly. Any input shape [N, …]. Draws come from the given generator (torch's default
/// when null). Train with <see cref="Losses.LabelSmoothingCrossEntropy"/>, whose smoothing then applies to ỹ.
/// </summary>
public sealed class MixUp : IBatchTransform
{
    private readonly Generator? _generator;

    /// <summary>Creates the transform: α &gt; 0 (default 0.2), the number of classes K ≥ 2.</summary>
    public MixUp(int classes, double alpha = 0.2, Generator? generator = null)
    {
        Classes = Guard.AtLeast(classes, 2);
        Alpha = Guard.Positive(alpha);
        _generator = generator;
    }

    /// <summary>α of the Beta distribution.</summary>
    public double Alpha { get; }

    /// <summary>K.</summary>
    public int Classes { get; }

    /// <inheritdoc />
    public (Tensor Input, Tensor Target) Apply(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        using var scope = NewDisposeScope();
        var n = input.shape[0];
        var lambdas = BetaSample.Draw(n, Alpha, _generator);
        var permutation = randperm(n, generator: _generator);
        var (x, y) = mix(input, SoftTargets.Of(target, Classes, input.dtype), lambdas, permutation);
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }

    /// <summary>The mix for given λ [N] and permutation [N]: <c>λ·x + (1 − λ)·x[π]</c>, the same for the targets [N, K].</summary>
    public static (Tensor Input, Tensor Target) mix(Tensor input, Tensor target, Tensor lambdas, Tensor permutation)
    {
        using var scope = NewDisposeScope();
        var shape = new long[input.dim()];
        Array.Fill(shape, 1L);
        shape[0] = -1;
        var l = lambdas.to(input.dtype, input.device);
        var lx = l.view(shape);
        var ly = l.view(-1, 1);
        var x = (lx * input) + ((1 - lx) * input.index_select(0, permutation));
        var y = (ly * target) + ((1 - ly) * target.index_select(0, permutation));
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }
}
