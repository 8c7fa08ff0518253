using Regularizers.Core;

namespace Regularizers.Reference.Training;

/// <summary>
/// Stochastic weight averaging, written out: from the start epoch on, the weights at each epoch's end are averaged with
/// equal weights, <c>θ̄_n = (1/n)·Σ θ_i</c> (kept as <c>θ̄ ← θ̄ + (θ − θ̄)/n</c>), and epoch e trains with
/// <c>lr_e = α(t)·swa_lr + (1 − α(t))·lr₀</c>, <c>t = min(1, (e − start)/anneal)</c> (1 when anneal is 0),
/// <c>α = (1 − cos(π·t))/2</c> or <c>t</c>.
/// </summary>
public sealed class StochasticWeightAveraging
{
    private double[][]? _average;

    /// <summary>Creates the average; see the torch twin for the arguments.</summary>
    public StochasticWeightAveraging(int startEpoch, double learningRate, int annealEpochs = 10, bool cosine = true)
    {
        StartEpoch = Guard.AtLeast(startEpoch, 1);
        LearningRate = Guard.Positive(learningRate);
        AnnealEpochs = Guard.AtLeast(annealEpochs, 0);
        Cosine = cosine;
    }

    /// <summary>The first averaged epoch (1-based).</summary>
    public int StartEpoch { get; }

    /// <summary>swa_lr.</summary>
    public double LearningRate { get; }

    /// <summary>Epochs of annealing.</summary>
    public int AnnealEpochs { get; }

    /// <summary>Cosine (true) or linear (false) annealing.</summary>
    public bool Cosine { get; }

    /// <summary>Epochs averaged so far.</summary>
    public int Count { get; private set; }

    /// <summary>The average, one array per parameter; null before the start epoch ends.</summary>
    public IReadOnlyList<double[]>? Average => _average;

    /// <summary>The learning rate of epoch <paramref name="epoch"/> given the rate lr₀ at the start epoch.</summary>
    public double LearningRateAt(int epoch, double startRate)
    {
        if (epoch < StartEpoch)
        {
            return startRate;
        }
        var t = AnnealEpochs == 0 ? 1 : Math.Min(1, (epoch - StartEpoch) / (double)AnnealEpochs);
        var alpha = Cosine ? (1 - Math.Cos(Math.PI * t)) / 2 : t;
        return (alpha * LearningRate) + ((1 - alpha) * startRate);
    }

    /// <summary>Called at the end of epoch <paramref name="epoch"/> with the weights then.</summary>
    public void EndEpoch(int epoch, IReadOnlyList<double[]> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (epoch < StartEpoch)
        {
            return;
        }
        Count++;
        if (_average is null)
        {
            _average = weights.Select(w => (double[])w.Clone()).ToArray();
            return;
        }
        for (var i = 0; i < weights.Count; i++)
        {
            for (var j = 0; j < weights[i].Length; j++)
            {
                _average[i][j] += (weights[i][j] - _average[i][j]) / Count;
            }
        }
    }
}
