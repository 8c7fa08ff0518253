using System.Globalization;

namespace Regularizers.Core.Stopping;

/// <summary>
/// Prechelt's UP_s: evaluated only at strip ends (epochs t divisible by the strip length k), stop when the
/// validation error rose in s successive strips: <c>E_va(t − i·k) &gt; E_va(t − (i+1)·k)</c> for every
/// <c>i = 0..s−1</c>. Equivalently, UP_1 stops when <c>E_va(t) &gt; E_va(t − k)</c>, and UP_s stops at t when
/// UP_{s−1} stops at t − k and <c>E_va(t) &gt; E_va(t − k)</c>. The first possible stop is at <c>t = (s+1)·k</c>.
/// </summary>
/// <remarks>Prechelt (1998), "Early Stopping — But When?", section 2.2. A NaN error counts as +∞ (a rise).</remarks>
public sealed class UpStrips : IStoppingCriterion
{
    /// <summary>Creates UP_s with strips of <paramref name="stripLength"/> epochs.</summary>
    /// <param name="strips">The number s of successive rising strips; at least 1.</param>
    /// <param name="stripLength">The strip length k, in epochs; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is less than 1.</exception>
    public UpStrips(int strips, int stripLength = 5)
    {
        Strips = Guard.AtLeast(strips, 1);
        StripLength = Guard.AtLeast(stripLength, 1);
    }

    /// <summary>The number s of successive rising strips.</summary>
    public int Strips { get; }

    /// <summary>The strip length k, in epochs.</summary>
    public int StripLength { get; }

    /// <inheritdoc/>
    public StopDecision Evaluate(IReadOnlyList<double> trainingErrors, IReadOnlyList<double> validationErrors)
    {
        var t = StoppingChecks.CheckedEpochCount(trainingErrors, validationErrors);
        if (t % StripLength != 0 || t < (Strips + 1) * StripLength)
        {
            return StopDecision.Continue;
        }
        for (var end = t; end > t - (Strips * StripLength); end -= StripLength)
        {
            if (!(StoppingChecks.Diverged(validationErrors[end - 1]) > StoppingChecks.Diverged(validationErrors[end - StripLength - 1])))
            {
                return StopDecision.Continue;
            }
        }
        var ends = Enumerable.Range(0, Strips + 1).Select(i => t - ((Strips - i) * StripLength)).ToArray();
        return StopDecision.Stop(StoppingChecks.Invariant(
            $"validation error rose in {Strips} successive strips of {StripLength} epochs: {string.Join(" → ", ends.Select(e => StoppingChecks.Show(validationErrors[e - 1])))} at epochs {string.Join(", ", ends.Select(e => e.ToString(CultureInfo.InvariantCulture)))}"));
    }
}
