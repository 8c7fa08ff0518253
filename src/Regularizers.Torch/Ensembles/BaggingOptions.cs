using Regularizers.Core.Ensembles;
using Regularizers.Core.Sampling;
using Regularizers.Torch.Training;

namespace Regularizers.Torch.Ensembles;

/// <summary>How a <see cref="BaggingEnsemble"/> is built. Defaults follow scikit-learn's BaggingClassifier where it has one.</summary>
public sealed class BaggingOptions
{
    /// <summary>The default number of members (scikit-learn uses 10; 5 keeps training short).</summary>
    public const int DefaultMembers = 5;

    /// <summary>k, the number of members (≥ 1).</summary>
    public int Members { get; init; } = DefaultMembers;

    /// <summary>Rows drawn per member as a fraction of the training rows (scikit-learn's <c>max_samples</c>).</summary>
    public double SampleFraction { get; init; } = 1.0;

    /// <summary>Draw rows with replacement (a bootstrap sample; scikit-learn's <c>bootstrap</c>).</summary>
    public bool WithReplacement { get; init; } = true;

    /// <summary>Features each member sees (scikit-learn's <c>max_features</c>); all by default.</summary>
    public MaxFeatures? MaxFeatures { get; init; }

    /// <summary>How member probabilities are combined.</summary>
    public EnsembleCombination Combination { get; init; } = EnsembleCombination.ArithmeticMean;

    /// <summary>Member i samples its rows with <c>Random(Seed + i)</c> and initialises with <c>manual_seed(Seed + i)</c>.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Train members on several threads (results do not depend on it). Off by default: OpenBLAS already uses every core for
    /// each member's matrix products, so concurrent members oversubscribe the cores — measured on 2 cores, 4 members trained
    /// 1.8× slower in parallel than one after another (eng/bench: <c>Regularizers.Bench ensemble</c>). Turn it on where the
    /// BLAS runs single-threaded (OPENBLAS_NUM_THREADS=1) on a machine with several cores. Members with dropout or noise
    /// layers always train one after another, so that their random draws do not depend on thread timing.
    /// </summary>
    public bool Parallel { get; init; }

    /// <summary>
    /// When set, each member gets its own early-stopping callback from this factory and is validated on its own
    /// out-of-bag rows (the rows its bootstrap sample left out), so no data is held back from the ensemble as a whole.
    /// </summary>
    public Func<EarlyStopping>? OutOfBagEarlyStopping { get; init; }

    internal void Validate()
    {
        Guard.AtLeast(Members, 1);
        Guard.Defined(Combination);
    }
}
