using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>What the norm constraints share: the L2 norm of each output unit's incoming weights.</summary>
internal static class UnitNorms
{
    /// <summary>The L2 norm of each output unit's incoming weights (dimension 0 is the unit), shaped to broadcast against <paramref name="w"/>.</summary>
    public static Tensor Of(Tensor w)
    {
        var flat = w.reshape(w.shape[0], -1);
        var shape = new long[w.dim()];
        Array.Fill(shape, 1L);
        shape[0] = w.shape[0];
        return flat.norm(1, keepdim: true).reshape(shape);
    }
}
