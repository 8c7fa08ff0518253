using Regularizers.Core;

namespace Regularizers.Reference.Losses;

/// <summary>
/// The confidence penalty (Pereyra et al. 2017): with <c>p = softmax(z)</c>, <c>ℓ = log p</c> and the entropy
/// <c>H(pₙ) = −Σₖ pₙ,ₖ·ℓₙ,ₖ</c>, <c>L = (1/N)·Σₙ (−ℓₙ,yₙ − β·H(pₙ))</c>; its gradient with respect to the logits is
/// <c>∂L/∂zₙ,ₖ = (pₙ,ₖ − [k = yₙ] + β·pₙ,ₖ·(ℓₙ,ₖ + H(pₙ)))/N</c>.
/// </summary>
public sealed class ConfidencePenalty
{
    /// <summary>Creates the loss; β ≥ 0.</summary>
    public ConfidencePenalty(double beta) => Beta = Guard.NonNegative(beta);

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>The mean loss and its gradient with respect to the logits.</summary>
    public (double Loss, Matrix Gradient) Compute(Matrix logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var p = SoftmaxCrossEntropy.Softmax(logits);
        var gradient = new Matrix(logits.Rows, logits.Cols);
        double loss = 0;
        for (var n = 0; n < logits.Rows; n++)
        {
            double entropy = 0;
            for (var c = 0; c < logits.Cols; c++)
            {
                entropy -= p[n, c] * Math.Log(p[n, c]);
            }
            loss += -Math.Log(p[n, labels[n]]) - (Beta * entropy);
            for (var c = 0; c < logits.Cols; c++)
            {
                var onehot = c == labels[n] ? 1.0 : 0.0;
                gradient[n, c] = (p[n, c] - onehot + (Beta * p[n, c] * (Math.Log(p[n, c]) + entropy))) / logits.Rows;
            }
        }
        return (loss / logits.Rows, gradient);
    }
}
