using Regularizers.Core;

namespace Regularizers.Cli.Statistics;

/// <summary>Student's t distribution with an integer number ν of degrees of freedom.</summary>
public static class StudentT
{
    /// <summary>
    /// The cumulative distribution <c>F(t) = ½ + ½·sign(t)·A(|t| | ν)</c>, with the closed forms of Abramowitz and
    /// Stegun 26.7.3–26.7.4 for <c>A(t | ν) = P(|T| ≤ t)</c> and <c>θ = atan(t/√ν)</c>:
    /// ν odd: <c>A = (2/π)·(θ + sin θ·(cos θ + (2/3)·cos³θ + … + ((2·4···(ν−3))/(1·3···(ν−2)))·cos^{ν−2}θ))</c>;
    /// ν even: <c>A = sin θ·(1 + (1/2)·cos²θ + … + ((1·3···(ν−3))/(2·4···(ν−2)))·cos^{ν−2}θ)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is NaN, or <paramref name="degreesOfFreedom"/> is less than 1.</exception>
    public static double Cdf(double t, int degreesOfFreedom)
    {
        if (double.IsNaN(t))
        {
            throw Guard.OutOfRange(t, "a number", nameof(t));
        }
        Guard.AtLeast(degreesOfFreedom, 1);
        var theta = Math.Atan(Math.Abs(t) / Math.Sqrt(degreesOfFreedom));
        return 0.5 + (0.5 * Math.Sign(t) * CentralProbability(theta, degreesOfFreedom));
    }

    /// <summary>
    /// The quantile <c>t_{p,ν}</c> with <c>F(t_{p,ν}) = p</c>, e.g. <c>Quantile(0.975, 4) = 2.7764…</c> for a 95%
    /// two-sided interval from 5 values. Found by bisection on θ ∈ [0, π/2) to double precision.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="probability"/> is not in (0, 1), or <paramref name="degreesOfFreedom"/> is less than 1.
    /// </exception>
    public static double Quantile(double probability, int degreesOfFreedom)
    {
        Guard.InRange(probability, 0, false, 1, false);
        Guard.AtLeast(degreesOfFreedom, 1);
        if (probability < 0.5)
        {
            return -Quantile(1 - probability, degreesOfFreedom);
        }
        var target = (2 * probability) - 1;
        double low = 0, high = Math.PI / 2;
        for (var i = 0; i < 200 && low < high; i++)
        {
            var middle = (low + high) / 2;
            if (middle <= low || middle >= high)
            {
                break;
            }
            if (CentralProbability(middle, degreesOfFreedom) < target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return Math.Sqrt(degreesOfFreedom) * Math.Tan((low + high) / 2);
    }

    /// <summary>A(t | ν) as a function of θ = atan(t/√ν); the series terms shrink monotonically, so they stop once negligible.</summary>
    private static double CentralProbability(double theta, int nu)
    {
        var sin = Math.Sin(theta);
        var cos = Math.Cos(theta);
        var cos2 = cos * cos;
        if (nu % 2 == 1)
        {
            double sum = 0, term = cos;
            for (var j = 1; j <= (nu - 1) / 2 && term > 1e-17 * sum; j++)
            {
                sum += term;
                term *= cos2 * (2.0 * j) / ((2.0 * j) + 1);
            }
            return 2 / Math.PI * (theta + (sin * sum));
        }
        double evenSum = 0, evenTerm = 1;
        for (var j = 1; j <= nu / 2 && evenTerm > 1e-17 * evenSum; j++)
        {
            evenSum += evenTerm;
            evenTerm *= cos2 * ((2.0 * j) - 1) / (2.0 * j);
        }
        return sin * evenSum;
    }
}
