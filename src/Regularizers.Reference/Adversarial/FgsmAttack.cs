using Regularizers.Core;
using Regularizers.Reference.Networks;

namespace Regularizers.Reference.Adversarial;

/// <summary>
/// The fast gradient sign method (Goodfellow, Shlens and Szegedy 2015) written out on a <see cref="DenseNetwork"/>:
/// <c>x_adv = clip(x + ε·sign(∇ₓJ(x, y)), min, max)</c>, J the mean softmax cross-entropy, sign(0) = 0, the gradient
/// from the network's own backward pass.
/// </summary>
public sealed class FgsmAttack
{
    /// <summary>Creates the attack: ε ≥ 0, and the valid input range [min, max].</summary>
    public FgsmAttack(double epsilon, double inputMin = 0, double inputMax = 1)
    {
        Epsilon = Guard.NonNegative(epsilon);
        (InputMin, InputMax) = Guard.Range((inputMin, inputMax), double.MinValue, double.MaxValue, "inputRange");
    }

    /// <summary>ε, the L∞ radius.</summary>
    public double Epsilon { get; }

    /// <summary>The smallest valid input value.</summary>
    public double InputMin { get; }

    /// <summary>The largest valid input value.</summary>
    public double InputMax { get; }

    /// <summary>The adversarial batch for inputs x [N, in] with class labels.</summary>
    public Matrix Perturb(DenseNetwork network, Matrix x, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        var gradient = network.InputGradient(x, labels);
        var adversarial = new double[x.Data.Length];
        for (var i = 0; i < adversarial.Length; i++)
        {
            adversarial[i] = Math.Clamp(x.Data[i] + (Epsilon * Math.Sign(gradient.Data[i])), InputMin, InputMax);
        }
        return new Matrix(x.Rows, x.Cols, adversarial);
    }
}
