namespace Regularizers.Core.Sampling;

/// <summary>The rows and features one ensemble member trains on, drawn by <see cref="BootstrapSampler"/>.</summary>
public sealed class BootstrapSample
{
    /// <summary>Creates a sample from its parts (as <see cref="BootstrapSampler.Sample"/> does, or when loading a saved ensemble).</summary>
    public BootstrapSample(int[] inBag, int[] outOfBag, int[] features)
    {
        ArgumentNullException.ThrowIfNull(inBag);
        ArgumentNullException.ThrowIfNull(outOfBag);
        ArgumentNullException.ThrowIfNull(features);
        InBag = inBag;
        OutOfBag = outOfBag;
        Features = features;
    }

    /// <summary>The drawn row indices in draw order; with replacement a row can appear several times.</summary>
    public int[] InBag { get; }

    /// <summary>The rows never drawn, ascending: the complement of <see cref="InBag"/>, for out-of-bag estimates.</summary>
    public int[] OutOfBag { get; }

    /// <summary>The drawn feature (column) indices, ascending and distinct; empty when no feature count was given.</summary>
    public int[] Features { get; }
}
