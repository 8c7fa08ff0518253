using Regularizers.Core;

namespace Regularizers.Reference.Losses;

/// <summary>
/// R-Drop's loss (Liang et al. 2021) of two passes' logits z¹, z² with <c>p = softmax(z)</c> and <c>ℓ = log p</c>:
/// <c>L = (1/N)·Σₙ [½·(−ℓ¹ₙ,yₙ − ℓ²ₙ,yₙ) + (α/2)·Sₙ]</c> with the symmetric KL
/// <c>Sₙ = KL(p¹ₙ‖p²ₙ) + KL(p²ₙ‖p¹ₙ) = Σₖ (p¹ₙ,ₖ − p²ₙ,ₖ)·(ℓ¹ₙ,ₖ − ℓ²ₙ,ₖ)</c>. With <c>d = ℓ¹ − ℓ²</c>,
/// <c>∂S/∂z¹ₖ = p¹ₖ·(dₖ − Σⱼ p¹ⱼ·dⱼ) + p¹ₖ − p²ₖ</c> and <c>∂S/∂z²ₖ = p²ₖ·(Σⱼ p²ⱼ·dⱼ − dₖ) + p²ₖ − p¹ₖ</c>, so
/// <c>∂L/∂z¹ = (½·(p¹ − onehot(y)) + (α/2)·∂S/∂z¹)/N</c>, and alike for z².
/// </summary>
public sealed class RDropLoss
{
    /// <summary>Creates the loss; α ≥ 0.</summary>
    public RDropLoss(double alpha) => Alpha = Guard.NonNegative(alpha);

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>The mean loss and its gradients with respect to both passes' logits.</summary>
    public (double Loss, Matrix Gradient1, Matrix Gradient2) Compute(Matrix logits1, Matrix logits2, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits1);
        ArgumentNullException.ThrowIfNull(logits2);
        ArgumentNullException.ThrowIfNull(labels);
        var (rows, k) = (logits1.Rows, logits1.Cols);
        var p1 = SoftmaxCrossEntropy.Softmax(logits1);
        var p2 = SoftmaxCrossEntropy.Softmax(logits2);
        var g1 = new Matrix(rows, k);
        var g2 = new Matrix(rows, k);
        double loss = 0;
        for (var n = 0; n < rows; n++)
        {
            var d = new double[k];
            double symmetric = 0, mean1 = 0, mean2 = 0;
            for (var c = 0; c < k; c++)
            {
                d[c] = Math.Log(p1[n, c]) - Math.Log(p2[n, c]);
                symmetric += (p1[n, c] - p2[n, c]) * d[c];
                mean1 += p1[n, c] * d[c];
                mean2 += p2[n, c] * d[c];
            }
            loss += (-(Math.Log(p1[n, labels[n]]) + Math.Log(p2[n, labels[n]])) / 2) + (Alpha / 2 * symmetric);
            for (var c = 0; c < k; c++)
            {
                var onehot = c == labels[n] ? 1.0 : 0.0;
                var s1 = (p1[n, c] * (d[c] - mean1)) + p1[n, c] - p2[n, c];
                var s2 = (p2[n, c] * (mean2 - d[c])) + p2[n, c] - p1[n, c];
                g1[n, c] = (((p1[n, c] - onehot) / 2) + (Alpha / 2 * s1)) / rows;
                g2[n, c] = (((p2[n, c] - onehot) / 2) + (Alpha / 2 * s2)) / rows;
            }
        }
        return (loss / rows, g1, g2);
    }
}
