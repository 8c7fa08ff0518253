using static TorchSharp.torch;

namespace Regularizers.Torch.Augmentation;

/// <summary>
/// Random mirroring (Goodfellow et al. §7.4): in training, each image of a batch <c>[N, C, H, W]</c> is mirrored
/// left–right (<c>out[n, :, r, c] = in[n, :, r, W−1−c]</c>) with its own probability-p draw; in eval mode identity.
/// The draws are one <c>rand([N])</c> from the given generator (torch's default when null).
/// </summary>
public sealed class RandomHorizontalFlip : nn.Module<Tensor, Tensor>
{
    private readonly Generator? _generator;

    /// <summary>Creates the module; p in [0, 1] is the probability that an image is mirrored.</summary>
    public RandomHorizontalFlip(double p = 0.5, Generator? generator = null) : base(nameof(RandomHorizontalFlip))
    {
        this.p = Guard.InRange(p, 0, true, 1, true);
        _generator = generator;
    }

    /// <summary>The probability that an image is mirrored.</summary>
    public double p { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ImageBatch.Check(input);
        if (!training)
        {
            return input.alias();
        }
        using var draws = rand(new long[] { input.shape[0] }, ScalarType.Float64, generator: _generator);
        using var mirrored = draws.lt(p);
        return flip(input, mirrored);
    }

    /// <summary>Mirrors left–right the images n with <c>mirrored[n]</c> true (a bool tensor of N elements), one pass.</summary>
    public static Tensor flip(Tensor input, Tensor mirrored)
    {
        ImageBatch.Check(input);
        using var scope = NewDisposeScope();
        var mask = mirrored.to(input.device).view(-1, 1, 1, 1);
        return where(mask, input.flip(3), input).MoveToOuterDisposeScope();
    }
}
