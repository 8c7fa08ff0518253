using Regularizers.Core.Stopping;

namespace Regularizers.Core.Tests.Stopping;

/// <summary>Feeds a criterion the growing prefixes of scripted error tables, as a training loop would.</summary>
internal static class Scripted
{
    /// <summary>The epochs 1..n at which the criterion says stop.</summary>
    public static int[] StopEpochs(IStoppingCriterion criterion, double[] training, double[] validation) =>
        Enumerable.Range(1, validation.Length)
            .Where(t => criterion.Evaluate(training[..t], validation[..t]).ShouldStop)
            .ToArray();

    /// <summary>The first epoch at which the criterion says stop, 0 if none.</summary>
    public static int FirstStop(IStoppingCriterion criterion, double[] training, double[] validation) =>
        StopEpochs(criterion, training, validation).FirstOrDefault();

    /// <summary>The first stop when only the validation history matters (training errors are a flat 1).</summary>
    public static int FirstStop(IStoppingCriterion criterion, double[] validation) =>
        FirstStop(criterion, Flat(validation.Length), validation);

    /// <summary>The decision after the whole table.</summary>
    public static StopDecision Last(IStoppingCriterion criterion, double[] validation) =>
        criterion.Evaluate(Flat(validation.Length), validation);

    public static double[] Flat(int epochs) => Enumerable.Repeat(1.0, epochs).ToArray();
}
