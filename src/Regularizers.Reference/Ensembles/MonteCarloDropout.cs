namespace Regularizers.Reference.Ensembles;

/// <summary>
/// Monte-Carlo averaging over dropout masks: the prediction is the mean of T stochastic forward passes,
/// <c>p̄ = (1/T)·Σₜ f(x; mₜ)</c>, which weight scaling approximates with one deterministic pass.
/// </summary>
public static class MonteCarloDropout
{
    /// <summary>The element-wise mean of the passes' outputs.</summary>
    public static double[] Mean(IReadOnlyList<double[]> passes)
    {
        ArgumentNullException.ThrowIfNull(passes);
        if (passes.Count == 0)
        {
            throw new ArgumentException("At least one pass is needed.", nameof(passes));
        }
        var mean = new double[passes[0].Length];
        foreach (var pass in passes)
        {
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += pass[i] / passes.Count;
            }
        }
        return mean;
    }
}
