using Regularizers.Torch.Penalties;
using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>
/// An <see cref="L1Penalty"/> applied as a proximal step instead of through its subgradient (proximal gradient descent,
/// ISTA; Beck &amp; Teboulle 2009): after each optimizer step on the loss without the L1 term, every targeted weight becomes
/// <c>w ← sign(w)·max(|w| − ε·λ, 0)</c>, the proximal operator of <c>ε·λ·‖w‖₁</c>. Under plain SGD with learning rate ε
/// this minimises <c>loss + λ·‖w‖₁</c> and, unlike the subgradient <c>λ·sign(w)</c> (which makes weights near 0 jump
/// across it by about ε·λ every step), leaves exact zeros. Do not also add the penalty to the loss: that would count it
/// twice. With momentum or adaptive optimizers the pair is no longer proximal gradient descent, only a shrinkage
/// heuristic.
/// </summary>
public sealed class L1Proximal : IConstraint
{
    /// <summary>Creates the proximal step for <paramref name="penalty"/>'s λ and targets.</summary>
    /// <param name="penalty">The L1 penalty whose strength λ and parameters are used.</param>
    /// <param name="learningRate">ε &gt; 0, the SGD learning rate the model is trained with.</param>
    public L1Proximal(L1Penalty penalty, double learningRate)
    {
        Penalty = penalty ?? throw new ArgumentNullException(nameof(penalty));
        LearningRate = Guard.Positive(learningRate);
    }

    /// <summary>The penalty applied.</summary>
    public L1Penalty Penalty { get; }

    /// <summary>ε.</summary>
    public double LearningRate { get; }

    /// <summary>The shrinkage <c>ε·λ</c>.</summary>
    public double Threshold => Penalty.Strength * LearningRate;

    /// <inheritdoc />
    public ParameterTargets Targets => Penalty.Targets;

    /// <inheritdoc />
    public string Name => "l1_proximal";

    /// <summary><c>w ← sign(w)·max(|w| − ε·λ, 0)</c> in place.</summary>
    public void Project(Tensor weight)
    {
        using var sign = weight.sign();
        using var shrunk = weight.abs();
        shrunk.sub_(Threshold).clamp_min_(0).mul_(sign);
        weight.copy_(shrunk);
    }
}
