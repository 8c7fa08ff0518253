using Regularizers.Core.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// DropBlock (Ghiasi et al. 2018, "DropBlock: A regularization method for convolutional networks"): drops contiguous
/// b×b squares of each channel of a feature map [N, C, H, W] instead of single pixels, with b = min(blockSize, H, W); p is the target fraction of each feature map dropped.
/// Block corners are drawn per example and channel at the (H−b+1)·(W−b+1) positions where a block fits, each with
/// probability <c>γ = p·H·W / (b²·(H−b+1)·(W−b+1))</c> (the paper's eq. 1, which is &lt; 1 for p &lt; 1); the mask M is 0
/// on every drawn block and 1 elsewhere, and the output is <c>x·M·count(M)/count_ones(M)</c> (the whole tensor's
/// count, as in the paper and timm; 0 when everything is dropped). Eval is the identity. There is no classic form: blocks
/// overlap, so the fraction kept is only about 1−p and the weight-scaling rule would be biased, while the normalisation
/// is exact for every batch. The paper raises p from 0 to its final value during training: give the module a
/// <see cref="Schedule"/>.
/// </summary>
public sealed class DropBlock2d : DropoutModule
{
    /// <summary>Creates the module; p in [0, 1), blockSize ≥ 1.</summary>
    public DropBlock2d(double p = 0.1, int blockSize = 7) : base(nameof(DropBlock2d), p) => BlockSize = Guard.AtLeast(blockSize, 1);

    /// <summary>
    /// Creates the module with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced) — the
    /// paper's schedule is <c>Schedule.Linear(0, p, epochs)</c>, keep probability from 1 down to 1 − p.
    /// </summary>
    public DropBlock2d(Schedule p, int blockSize = 7) : base(nameof(DropBlock2d), p) => BlockSize = Guard.AtLeast(blockSize, 1);

    /// <summary>The side b of a dropped square (clipped to the feature map).</summary>
    public int BlockSize { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.drop_block2d(input, p, BlockSize, training);
}
