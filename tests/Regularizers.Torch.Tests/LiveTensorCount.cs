namespace Regularizers.Torch.Tests;

/// <summary>The leak tests' collection (they count process-wide live tensors, so they run alone) and their count.</summary>
[CollectionDefinition(nameof(LiveTensorCount), DisableParallelization = true)]
public sealed class LiveTensorCount
{
    /// <summary>
    /// The live-tensor count once other tests' undisposed tensors have been finalized, so that finalizers do not free
    /// them during the caller's count.
    /// </summary>
    public static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return Tensor.TotalCount;
    }
}
