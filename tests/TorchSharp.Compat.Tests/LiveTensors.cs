namespace TorchSharp.Compat.Tests;

/// <summary>Live-tensor counts for leak tests, which run alone because the count is process-wide.</summary>
internal static class LiveTensors
{
    /// <summary>Finalizes other tests' garbage first, so that only the caller's tensors move the live count.</summary>
    public static long SettledCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return Tensor.TotalCount;
    }
}
