namespace Regularizers.Reference.Tests;

/// <summary>Central-difference gradient checks: <c>∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ))/(2h)</c>.</summary>
internal static class FiniteDifference
{
    public const double Step = 1e-6;

    public static double[] Gradient(Func<double> f, double[] x)
    {
        var gradient = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var saved = x[i];
            x[i] = saved + Step;
            var plus = f();
            x[i] = saved - Step;
            var minus = f();
            x[i] = saved;
            gradient[i] = (plus - minus) / (2 * Step);
        }
        return gradient;
    }

    /// <summary>Asserts the analytic gradient matches central differences within <see cref="Tolerances.FiniteDifference"/> relative to the gradient's scale.</summary>
    public static void Check(Func<double> f, double[] x, IReadOnlyList<double> analytic)
    {
        var numeric = Gradient(f, x);
        var scale = Math.Max(1e-3, numeric.Max(Math.Abs));
        Tolerances.Close(numeric, analytic, 0, Tolerances.FiniteDifference * scale);
    }
}
