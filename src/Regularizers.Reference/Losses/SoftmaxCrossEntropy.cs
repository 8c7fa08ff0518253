namespace Regularizers.Reference.Losses;

/// <summary>
/// Softmax cross-entropy over a batch: <c>p = softmax(z)</c> row-wise, <c>L = −(1/N)·Σₙ log pₙ,yₙ</c>, and its gradient
/// <c>∂L/∂z = (p − onehot(y))/N</c>. The softmax subtracts each row's maximum first, so large logits do not overflow.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>Row-wise softmax.</summary>
    public static Matrix Softmax(Matrix logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var p = new Matrix(logits.Rows, logits.Cols);
        for (var n = 0; n < logits.Rows; n++)
        {
            var z = logits.Row(n);
            var max = double.NegativeInfinity;
            foreach (var v in z)
            {
                max = Math.Max(max, v);
            }
            double sum = 0;
            var row = p.Row(n);
            for (var k = 0; k < z.Length; k++)
            {
                row[k] = Math.Exp(z[k] - max);
                sum += row[k];
            }
            for (var k = 0; k < z.Length; k++)
            {
                row[k] /= sum;
            }
        }
        return p;
    }

    /// <summary>The mean loss and its gradient with respect to the logits.</summary>
    public static (double Loss, Matrix Gradient) Compute(Matrix logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var p = Softmax(logits);
        var n = logits.Rows;
        double loss = 0;
        for (var i = 0; i < n; i++)
        {
            loss -= Math.Log(p[i, labels[i]]);
            p[i, labels[i]] -= 1;
        }
        for (var i = 0; i < p.Data.Length; i++)
        {
            p.Data[i] /= n;
        }
        return (loss / n, p);
    }
}
