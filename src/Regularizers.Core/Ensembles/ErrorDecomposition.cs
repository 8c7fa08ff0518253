namespace Regularizers.Core.Ensembles;

/// <summary>
/// The mean squared error of an averaging ensemble of k regressors split into its parts (Goodfellow et al.
/// section 7.11): with member errors <c>e_i</c> per example, <c>v = (1/k)·Σ_i E[e_i²]</c>,
/// <c>c = (1/(k(k−1)))·Σ_{i≠j} E[e_i·e_j]</c> and <c>E[((1/k)·Σ_i e_i)²] = v/k + (k−1)·c/k</c>.
/// </summary>
/// <param name="MemberCount">k, the number of members.</param>
/// <param name="ExampleCount">The number of examples the expectations average over.</param>
/// <param name="Variance">v, the members' mean squared error (their error variance under the zero-mean assumption).</param>
/// <param name="Covariance">c, the mean of <c>E[e_i·e_j]</c> over ordered pairs i ≠ j; NaN when k = 1.</param>
/// <param name="PredictedMse"><c>v/k + (k−1)·c/k</c> (just v when k = 1).</param>
/// <param name="MeasuredMse">The mean squared error of the averaged prediction, <c>E[((1/k)·Σ_i e_i)²]</c>.</param>
public sealed record ErrorDecomposition(
    int MemberCount,
    int ExampleCount,
    double Variance,
    double Covariance,
    double PredictedMse,
    double MeasuredMse);
