namespace TorchSharp.Compat.Tests;

/// <summary>Tensor lifetime: dispose, dispose scopes and live counts. Runs alone because it counts process-wide tensors.</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class LifetimeTests
{
    [Fact]
    public void Tensor_UsedAfterDispose_ThrowsObjectDisposedException()
    {
        var t = ones(3);
        t.Dispose();

        Assert.Throws<ObjectDisposedException>(() => t.sum());
    }

    [Fact]
    public void Tensor_DisposedTwice_IsHarmless()
    {
        var before = LiveTensors.SettledCount();
        var t = ones(3);
        t.Dispose();
        t.Dispose();

        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void DisposeScope_OnDispose_DisposesEverythingButWhatMovedOut()
    {
        var before = LiveTensors.SettledCount();
        Tensor kept;
        using (var scope = NewDisposeScope())
        {
            var x = ones(4);
            var y = x * 2 + 1;
            kept = y.sum().MoveToOuterDisposeScope();
        }

        Assert.Equal(before + 1, Tensor.TotalCount);
        Assert.Equal(12f, kept.item<float>());
        kept.Dispose();
        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void TrainingSteps_TenThousandInDisposeScopes_LeaveLiveCountUnchanged()
    {
        manual_seed(1);
        using var model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3));
        using var optimizer = torch.optim.SGD(model.parameters(), 0.05);
        var before = LiveTensors.SettledCount();
        for (var step = 0; step < 10_000; step++)
        {
            using var scope = NewDisposeScope();
            var x = randn(4, 8);
            var y = randint(0, 3, new long[] { 4 });
            optimizer.zero_grad();
            var loss = torch.nn.functional.cross_entropy(model.call(x), y);
            loss.backward();
            optimizer.step();
        }

        Assert.Equal(before, Tensor.TotalCount);
    }
}

[CollectionDefinition(nameof(LiveTensorCount), DisableParallelization = true)]
public sealed class LiveTensorCount
{
}
