using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>Runs a per-parameter projection over the targeted parameters under <c>no_grad</c>, inside a dispose scope.</summary>
internal static class ParameterConstraint
{
    public static void Apply(nn.Module model, ParameterTargets targets, string owner, Action<Tensor> project)
    {
        using var noGrad = no_grad();
        foreach (var (_, p) in targets.Select(model, owner))
        {
            using var scope = NewDisposeScope();
            project(p);
        }
    }

    /// <summary>The L2 norm of each output unit's incoming weights (dimension 0 is the unit), shaped to broadcast against <paramref name="w"/>.</summary>
    public static Tensor UnitNorms(Tensor w)
    {
        var flat = w.reshape(w.shape[0], -1);
        var shape = new long[w.dim()];
        Array.Fill(shape, 1L);
        shape[0] = w.shape[0];
        return flat.norm(1, keepdim: true).reshape(shape);
    }
}
