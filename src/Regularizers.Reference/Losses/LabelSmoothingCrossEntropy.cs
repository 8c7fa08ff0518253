using Regularizers.Core;

namespace Regularizers.Reference.Losses;

/// <summary>
/// Cross-entropy against smoothed targets, written out. With <c>log p = log_softmax(z)</c>, class weights w (all 1 by
/// default) and the uniform ε′ (<c>ε</c> for <see cref="LabelSmoothing.Uniform"/>, <c>ε·K/(K − 1)</c> for
/// <see cref="LabelSmoothing.OtherClasses"/>, which gives the correct class 1 − ε and the others ε/(K − 1)), the loss of
/// example n with class index yₙ is
/// <c>ℓₙ = (1 − ε′)·(−w_yₙ·log pₙ,yₙ) + (ε′/K)·Σₖ(−wₖ·log pₙ,ₖ)</c>; the mean divides Σℓₙ by Σ w_yₙ over the examples that are
/// not ignored (PyTorch's rule). The gradient with respect to the logits is
/// <c>∂ℓₙ/∂zₙ,ₖ = c·pₙ,ₖ − tₙ,ₖ</c> with <c>tₙ,ₖ = (1 − ε′)·w_yₙ·[k = yₙ] + (ε′/K)·wₖ</c> and <c>c = Σₖ tₙ,ₖ</c>.
/// </summary>
public sealed class LabelSmoothingCrossEntropy
{
    /// <summary>Creates the loss.</summary>
    public LabelSmoothingCrossEntropy(double epsilon, LabelSmoothing mode = LabelSmoothing.Uniform, double[]? weight = null, int ignoreIndex = -100, Reduction reduction = Reduction.Mean)
    {
        Epsilon = Guard.InRange(epsilon, 0, true, 1, true);
        Mode = mode;
        Weight = weight;
        IgnoreIndex = ignoreIndex;
        Reduction = reduction;
    }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>How ε is spread.</summary>
    public LabelSmoothing Mode { get; }

    /// <summary>Per-class weights, or null for all 1.</summary>
    public double[]? Weight { get; }

    /// <summary>Examples with this class index are ignored.</summary>
    public int IgnoreIndex { get; }

    /// <summary>The batch reduction.</summary>
    public Reduction Reduction { get; }

    /// <summary>The loss (per example for <see cref="Reduction.None"/>, otherwise one value) and <c>∂(Σ or mean)/∂z</c>.</summary>
    public (double[] Loss, Matrix Gradient) Compute(Matrix logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var k = logits.Cols;
        var eps = Mode == LabelSmoothing.Uniform ? Epsilon : Epsilon * k / (k - 1);
        var p = SoftmaxCrossEntropy.Softmax(logits);
        var losses = new double[logits.Rows];
        var gradient = new Matrix(logits.Rows, k);
        double weightSum = 0;
        for (var n = 0; n < logits.Rows; n++)
        {
            if (labels[n] == IgnoreIndex)
            {
                continue;
            }
            weightSum += W(labels[n]);
            var label = labels[n];
            losses[n] = Example(p, gradient, n, c => ((c == label ? 1 - eps : 0) * W(label)) + (eps / k * W(c)));
        }
        return Reduce(losses, gradient, weightSum);
    }

    /// <summary>
    /// The loss against probability targets y [N, K], smoothed to <c>(1 − ε′)·y + ε′/K</c>: <c>ℓₙ = −Σₖ wₖ·qₙ,ₖ·log pₙ,ₖ</c>;
    /// the mean divides by N.
    /// </summary>
    public (double[] Loss, Matrix Gradient) Compute(Matrix logits, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        var k = logits.Cols;
        var eps = Mode == LabelSmoothing.Uniform ? Epsilon : Epsilon * k / (k - 1);
        var p = SoftmaxCrossEntropy.Softmax(logits);
        var losses = new double[logits.Rows];
        var gradient = new Matrix(logits.Rows, k);
        for (var n = 0; n < logits.Rows; n++)
        {
            var row = n;
            losses[n] = Example(p, gradient, row, c => W(c) * (((1 - eps) * targets[row, c]) + (eps / k)));
        }
        return Reduce(losses, gradient, logits.Rows);
    }

    private double W(int c) => Weight is null ? 1 : Weight[c];

    /// <summary>
    /// One example's loss <c>−Σₖ tₖ·log pₖ</c> for weighted targets t, writing its gradient <c>(Σₖ tₖ)·pₖ − tₖ</c> into row n.
    /// </summary>
    private static double Example(Matrix p, Matrix gradient, int n, Func<int, double> target)
    {
        double loss = 0, targetSum = 0;
        for (var c = 0; c < p.Cols; c++)
        {
            var t = target(c);
            loss -= t * Math.Log(p[n, c]);
            gradient[n, c] = -t;
            targetSum += t;
        }
        for (var c = 0; c < p.Cols; c++)
        {
            gradient[n, c] += targetSum * p[n, c];
        }
        return loss;
    }

    private (double[] Loss, Matrix Gradient) Reduce(double[] losses, Matrix gradient, double divisor)
    {
        switch (Reduction)
        {
            case Reduction.None:
                return (losses, gradient);
            case Reduction.Sum:
                return ([losses.Sum()], gradient);
            default:
                for (var i = 0; i < gradient.Data.Length; i++)
                {
                    gradient.Data[i] /= divisor;
                }
                return ([losses.Sum() / divisor], gradient);
        }
    }
}
