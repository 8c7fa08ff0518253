using TorchSharp;
using static TorchSharp.torch;

namespace Regularizers.Torch.Penalties;

/// <summary>The two reductions the norm penalties' values need, each one pass over the tensor with no temporary.</summary>
internal static class NormMath
{
    /// <summary><c>‖w‖₁ = Σ|wᵢ|</c>, accumulated in w's dtype by <c>linalg.vector_norm</c>.</summary>
    public static double L1(Tensor w)
    {
        using var noGrad = no_grad();
        using var norm = linalg.vector_norm(w, 1);
        return norm.ToDouble();
    }

    /// <summary><c>⟨w, w⟩ = Σwᵢ²</c>, a BLAS dot of the flattened tensor with itself.</summary>
    public static double SquaredL2(Tensor w)
    {
        using var noGrad = no_grad();
        using var flat = w.flatten();
        using var squares = dot(flat, flat);
        return squares.ToDouble();
    }
}
