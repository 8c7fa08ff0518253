using Regularizers.Core;

namespace Regularizers.Reference.Training;

/// <summary>
/// The exponential moving average of weights, written out: it starts as a copy of the weights; after every k-th step
/// <c>θ̄ ← d·θ̄ + (1 − d)·θ</c>, with d fixed or, with warm-up, <c>d_n = min(d, 1 − (1 + (n − 1)/γ)^(−power))</c> for the
/// n-th update (timm's ModelEmaV3 schedule).
/// </summary>
public sealed class ExponentialMovingAverage
{
    private double[][]? _average;
    private int _steps;

    /// <summary>Creates the average; see the torch twin for the arguments.</summary>
    public ExponentialMovingAverage(double decay, int every = 1, bool warmup = false, double warmupGamma = 1, double warmupPower = 2.0 / 3.0)
    {
        Decay = Guard.InRange(decay, 0, true, 1, false);
        Every = Guard.AtLeast(every, 1);
        Warmup = warmup;
        WarmupGamma = Guard.Positive(warmupGamma);
        WarmupPower = Guard.Positive(warmupPower);
    }

    /// <summary>d.</summary>
    public double Decay { get; }

    /// <summary>k.</summary>
    public int Every { get; }

    /// <summary>Whether the warm-up schedule is used.</summary>
    public bool Warmup { get; }

    /// <summary>γ.</summary>
    public double WarmupGamma { get; }

    /// <summary>power.</summary>
    public double WarmupPower { get; }

    /// <summary>Updates so far (the initial copy not counted).</summary>
    public int Updates { get; private set; }

    /// <summary>The average, one array per parameter.</summary>
    public IReadOnlyList<double[]> Average => _average ?? throw new InvalidOperationException("Start has not been called: the average starts as a copy of the weights.");

    /// <summary>The decay of the n-th update.</summary>
    public double DecayAt(int update) =>
        Warmup ? Math.Min(Decay, 1 - Math.Pow(1 + ((update - 1) / WarmupGamma), -WarmupPower)) : Decay;

    /// <summary>Copies the weights as the average's start.</summary>
    public void Start(IReadOnlyList<double[]> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _average = weights.Select(w => (double[])w.Clone()).ToArray();
        _steps = 0;
        Updates = 0;
    }

    /// <summary>Called after each optimizer step with the weights after it.</summary>
    public void AfterStep(IReadOnlyList<double[]> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (++_steps % Every != 0)
        {
            return;
        }
        var d = DecayAt(++Updates);
        for (var i = 0; i < weights.Count; i++)
        {
            for (var j = 0; j < weights[i].Length; j++)
            {
                Average[i][j] = (d * Average[i][j]) + ((1 - d) * weights[i][j]);
            }
        }
    }
}
