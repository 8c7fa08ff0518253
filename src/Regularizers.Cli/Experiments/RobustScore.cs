using Regularizers.Cli.Data;
using Regularizers.Torch.Adversarial;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// Accuracy under attack on the first <see cref="Examples"/> test examples at each ε of <see cref="DefaultEpsilons"/>:
/// FGSM, and PGD with <see cref="PgdSteps"/> steps of ε/4 from a random start (drawn from the run's seed). The valid
/// input range is that of the training features, so pixels in [0, 1] stay in [0, 1]. Measured for single networks; a
/// bagged ensemble has no single input gradient to follow, so it gets none.
/// </summary>
/// <param name="Clean">Accuracy on the same examples without attack.</param>
/// <param name="Epsilons">The L∞ radii.</param>
/// <param name="Fgsm">Accuracy under FGSM at each ε.</param>
/// <param name="Pgd">Accuracy under PGD at each ε.</param>
internal sealed record RobustScore(double Clean, IReadOnlyList<double> Epsilons, IReadOnlyList<double> Fgsm, IReadOnlyList<double> Pgd)
{
    /// <summary>The radii measured, for features in [0, 1].</summary>
    public static IReadOnlyList<double> DefaultEpsilons { get; } = [0.05, 0.1, 0.2];

    /// <summary>The ε whose PGD accuracy the results table shows.</summary>
    public const double TableEpsilon = 0.1;

    /// <summary>How many test examples are attacked.</summary>
    public const int Examples = 1000;

    /// <summary>PGD's steps.</summary>
    public const int PgdSteps = 10;

    /// <summary>PGD accuracy at <see cref="TableEpsilon"/>.</summary>
    public double PgdAtTableEpsilon => Pgd[Epsilons.ToList().IndexOf(TableEpsilon)];

    /// <summary>Measures <paramref name="model"/>; null when it is an ensemble.</summary>
    public static RobustScore? Measure(TrainedModel model, ExperimentData data, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (model.Members.Count != 1)
        {
            return null;
        }
        var network = model.Members[0];
        var count = Math.Min(Examples, data.TestX.shape[0]);
        using var x = data.TestX.narrow(0, 0, count);
        using var y = data.TestY.narrow(0, 0, count);
        var (min, max) = (data.TrainX.min().item<float>(), data.TrainX.max().item<float>());
        using var generator = new Generator((ulong)seed);
        var fgsm = RobustAccuracy.Curve(network, x, y, DefaultEpsilons, e => new FgsmAttack(e, min, max));
        var pgd = RobustAccuracy.Curve(network, x, y, DefaultEpsilons, e => new PgdAttack(e, e / 4, PgdSteps, randomStart: true, min, max, generator: generator));
        var clean = RobustAccuracy.Measure(network, x, y, new FgsmAttack(0, min, max));
        return new RobustScore(clean, DefaultEpsilons, fgsm, pgd);
    }
}
