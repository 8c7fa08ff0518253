using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// A basic residual block (He et al. 2016) of c channels with structured dropout on its branch:
/// <c>y = act(x + DropPath(DropBlock(bn₂(conv₂(act(bn₁(conv₁(x))))))))</c>, both convolutions 3×3 with padding 1 and no
/// bias (the batch norms carry it). DropBlock and DropPath are left out at rate 0; at rate p the branch of each example is
/// dropped with probability p (stochastic depth) while the identity path always passes.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d norm1;
    private readonly nn.Module<Tensor, Tensor> activation1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d norm2;
    private readonly DropBlock2d? drop_block;
    private readonly DropPath? drop_path;
    private readonly nn.Module<Tensor, Tensor> activation2;

    /// <summary>Creates the block.</summary>
    /// <param name="channels">c ≥ 1, in and out.</param>
    /// <param name="activation">Creates the two activations.</param>
    /// <param name="dropPath">The branch's drop probability in [0, 1); 0 for none.</param>
    /// <param name="dropBlock">DropBlock's p in [0, 1) on the branch; 0 for none.</param>
    /// <param name="dropBlockSize">DropBlock's block size (≥ 1).</param>
    public ResidualBlock(int channels, Func<nn.Module<Tensor, Tensor>> activation, double dropPath = 0, double dropBlock = 0, int dropBlockSize = 3)
        : base(nameof(ResidualBlock))
    {
        Guard.AtLeast(channels, 1);
        ArgumentNullException.ThrowIfNull(activation);
        Guard.InRange(dropPath, 0, true, 1, false);
        Guard.InRange(dropBlock, 0, true, 1, false);
        conv1 = nn.Conv2d(channels, channels, 3, padding: 1, bias: false);
        norm1 = nn.BatchNorm2d(channels);
        activation1 = activation();
        conv2 = nn.Conv2d(channels, channels, 3, padding: 1, bias: false);
        norm2 = nn.BatchNorm2d(channels);
        drop_block = dropBlock > 0 ? new DropBlock2d(dropBlock, dropBlockSize) : null;
        drop_path = dropPath > 0 ? new DropPath(dropPath) : null;
        activation2 = activation();
        RegisterComponents();
    }

    /// <summary>The branch's DropPath, or null at rate 0.</summary>
    public DropPath? DropPath => drop_path;

    /// <summary>The branch's DropBlock2d, or null at rate 0.</summary>
    public DropBlock2d? DropBlock => drop_block;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var branch = norm2.call(conv2.call(activation1.call(norm1.call(conv1.call(input)))));
        if (drop_block is not null)
        {
            branch = drop_block.call(branch);
        }
        if (drop_path is not null)
        {
            branch = drop_path.call(branch);
        }
        return activation2.call(input + branch).MoveToOuterDisposeScope();
    }
}
