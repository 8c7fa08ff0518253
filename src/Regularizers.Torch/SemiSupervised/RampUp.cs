namespace Regularizers.Torch.SemiSupervised;

/// <summary>
/// The unsupervised weight's ramp of Laine &amp; Aila (2017) and Tarvainen &amp; Valpola (2017):
/// <c>w(t) = w_max·exp(−5(1 − t/T)²)</c> for step <c>t &lt; T</c>, then <c>w_max</c> — small while the network's own
/// predictions are still poor targets.
/// </summary>
public sealed record RampUp
{
    /// <summary>Creates the ramp.</summary>
    /// <param name="maxWeight">w_max, finite and ≥ 0.</param>
    /// <param name="steps">T ≥ 0 optimizer steps; 0 means the full weight from the start.</param>
    public RampUp(double maxWeight, int steps)
    {
        MaxWeight = Guard.NonNegative(maxWeight);
        Steps = Guard.AtLeast(steps, 0);
    }

    /// <summary>w_max.</summary>
    public double MaxWeight { get; }

    /// <summary>T.</summary>
    public int Steps { get; }

    /// <summary>w(t) at 0-based step <paramref name="step"/>.</summary>
    public double Weight(long step)
    {
        if (step >= Steps)
        {
            return MaxWeight;
        }
        var remaining = 1 - ((double)Math.Max(step, 0) / Steps);
        return MaxWeight * Math.Exp(-5 * remaining * remaining);
    }
}
