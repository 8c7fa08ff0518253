using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// DropBlock's keep mask for a float32 CPU feature map [N, C, H, W], painted in one pass: for each of the N·C maps and
/// each of the (H−b+1)·(W−b+1) corners where a b×b block fits, in that order, draw j of a <see cref="SplitMix"/> stream
/// starts a block when it is below round(γ·2⁶⁴), and the block's pixels are set to 0 (all others 1). Other devices and
/// types get null, and <see cref="RegularizerFunctional.drop_block2d"/> builds the same distribution from torch ops.
/// Why: the torch ops (Bernoulli corners, then a b×b max over them) cost 1.45× the whole training step of
/// <c>--model cnn</c>'s network, this pass a small fraction of that (eng/bench <c>structured</c>).
/// </summary>
internal static class BlockMask
{
    public static Tensor? Like(Tensor input, double gamma, int b, Generator? generator)
    {
        var (maps, h, w) = ((int)(input.shape[0] * input.shape[1]), (int)input.shape[2], (int)input.shape[3]);
        var threshold = gamma >= 1 ? ulong.MaxValue : (ulong)Math.Round(gamma * 18446744073709551616.0);
        return SplitMix.Filled(input, generator, (values, key) => Fill(values, key, threshold, maps, h, w, b));
    }

    private static void Fill(Span<float> values, ulong key, ulong threshold, int maps, int h, int w, int b)
    {
        values.Fill(1f);
        long j = 0;
        for (var map = 0; map < maps; map++)
        {
            var channel = values.Slice(map * h * w, h * w);
            for (var r = 0; r <= h - b; r++)
            {
                for (var c = 0; c <= w - b; c++, j++)
                {
                    if (SplitMix.Draw(key, j) >= threshold)
                    {
                        continue;
                    }
                    for (var i = r; i < r + b; i++)
                    {
                        channel.Slice((i * w) + c, b).Clear();
                    }
                }
            }
        }
    }
}
