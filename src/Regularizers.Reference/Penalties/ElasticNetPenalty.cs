namespace Regularizers.Reference.Penalties;

/// <summary><c>Ω(w) = λ₁·Σ|w| + (λ₂/2)·Σw²</c>, gradient <c>λ₁·sign(w) + λ₂·w</c>: the sum of <see cref="L1Penalty"/> and <see cref="L2Penalty"/>.</summary>
public sealed class ElasticNetPenalty(double l1Strength, double l2Strength) : IWeightPenalty
{
    private readonly L1Penalty _l1 = new(l1Strength);
    private readonly L2Penalty _l2 = new(l2Strength);

    /// <inheritdoc />
    public double Value(IEnumerable<double[]> weights)
    {
        var all = weights.ToList();
        return _l1.Value(all) + _l2.Value(all);
    }

    /// <inheritdoc />
    public void AddGradient(ReadOnlySpan<double> weights, Span<double> gradient)
    {
        _l1.AddGradient(weights, gradient);
        _l2.AddGradient(weights, gradient);
    }
}
