using Regularizers.Core;
using Regularizers.Reference.LinearAlgebra;

namespace Regularizers.Reference.ClosedForms;

/// <summary>
/// Early stopping as L2 (Goodfellow §7.8, seed 004 §3.3): τ steps of gradient descent with learning rate ε from
/// <c>w⁽⁰⁾ = 0</c> on <c>Ĵ(w) = ½(w − w*)ᵀH(w − w*)</c> give <c>w⁽τ⁾ = Q[I − (I − εΛ)^τ]Qᵀw*</c>, while L2 with strength
/// α gives <c>Q[I − α(Λ + αI)⁻¹]Qᵀw*</c> (eq. 7.40–7.42). Along eigenvector i the two keep the fractions
/// <c>1 − (1 − ελᵢ)^τ</c> and <c>λᵢ/(λᵢ + α)</c> of w*ᵢ; with <c>α = 1/(τε)</c> they agree to first order in
/// <c>λᵢ/α = τελᵢ</c> (both ≈ <c>τελᵢ</c>), since <c>(1 − ελᵢ)^τ ≈ e^{−τελᵢ}</c> when <c>ελᵢ ≪ 1</c> and
/// <c>e^{−x} ≈ 1/(1 + x)</c> when <c>x ≪ 1</c>. The match breaks along directions with <c>τελᵢ</c> of order 1 or more
/// (early stopping keeps <c>1 − e^{−x}</c>, L2 keeps <c>x/(1 + x)</c>: 0.63 against 0.5 at x = 1), and when
/// <c>ελᵢ ≥ 1</c> the step overshoots and <c>(1 − ελᵢ)^τ</c> alternates in sign.
/// </summary>
public static class EarlyStoppingAsL2
{
    /// <summary>The L2 strength the approximation pairs with τ steps of rate ε: <c>α = 1/(τε)</c>.</summary>
    public static double EquivalentAlpha(double learningRate, int steps) =>
        1 / (Guard.AtLeast(steps, 1) * Guard.Positive(learningRate));

    /// <summary>The fraction <c>1 − (1 − ελ)^τ</c> of w*'s component along an eigenvector with eigenvalue λ after τ steps.</summary>
    public static double KeptFraction(double eigenvalue, double learningRate, int steps) =>
        1 - Math.Pow(1 - (Guard.Positive(learningRate) * Guard.NonNegative(eigenvalue)), Guard.AtLeast(steps, 0));

    /// <summary>
    /// The L2 strength that keeps exactly the same fraction along one eigen-direction:
    /// <c>αᵢ = λᵢ(1 − ελᵢ)^τ / (1 − (1 − ελᵢ)^τ)</c>, from <c>λᵢ/(λᵢ + αᵢ) = 1 − (1 − ελᵢ)^τ</c>; close to
    /// <c>1/(τε)</c> where the approximation holds, smaller where early stopping keeps more than L2 would.
    /// </summary>
    public static double ExactAlpha(double eigenvalue, double learningRate, int steps)
    {
        var decay = Math.Pow(1 - (Guard.Positive(learningRate) * Guard.Positive(eigenvalue)), Guard.AtLeast(steps, 1));
        return eigenvalue * decay / (1 - decay);
    }

    /// <summary><c>w⁽τ⁾ = Q[I − (I − εΛ)^τ]Qᵀw*</c>: τ gradient-descent steps from 0 on the quadratic with Hessian H and optimum w*.</summary>
    public static double[] AfterSteps(SymmetricEigen hessian, ReadOnlySpan<double> optimum, double learningRate, int steps)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        var coordinates = hessian.ToEigenbasis(optimum);
        for (var i = 0; i < coordinates.Length; i++)
        {
            coordinates[i] *= KeptFraction(hessian.Values[i], learningRate, steps);
        }
        return hessian.FromEigenbasis(coordinates);
    }
}
