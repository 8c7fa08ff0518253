namespace Regularizers.Reference.Penalties;

/// <summary>A penalty on weights: its value over a set of weight arrays and its gradient, written out.</summary>
public interface IWeightPenalty
{
    /// <summary>The penalty summed over the given weight arrays.</summary>
    double Value(IEnumerable<double[]> weights);

    /// <summary>Adds <c>∂penalty/∂w</c> for one weight array to <paramref name="gradient"/>.</summary>
    void AddGradient(ReadOnlySpan<double> weights, Span<double> gradient);
}
