namespace Regularizers.Torch.Training;

/// <summary>How <see cref="StochasticWeightAveraging"/> anneals the learning rate to its SWA rate (SWALR's <c>anneal_strategy</c>).</summary>
public enum SwaAnnealing
{
    /// <summary><c>α(t) = (1 − cos(π·t))/2</c>.</summary>
    Cosine = 0,

    /// <summary><c>α(t) = t</c>.</summary>
    Linear = 1,
}
