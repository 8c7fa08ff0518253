using TorchSharp.Modules;

namespace Regularizers.Torch.Tests.Stack;

/// <summary>Dispose scopes keep training's live tensor count flat; counts process-wide tensors, so it runs alone.</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class TensorLifetimeTests : IDisposable
{
    // libtorch's OpenMP workers spin while they wait: on a busy 2-core machine that made the tiny steps here over ten
    // times slower (measured 26 s against 2 s for the ten thousand), and the live count does not depend on the thread count.
    private readonly int _threads = get_num_threads();

    public TensorLifetimeTests() => set_num_threads(1);

    public void Dispose() => set_num_threads(_threads);

    [Fact]
    public void TrainingSteps_TenThousandInDisposeScopes_LeaveLiveCountUnchanged()
    {
        manual_seed(1);
        using var model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3));
        using var optimizer = optim.SGD(model.parameters(), 0.05);
        var before = LiveTensorCount.Settled();

        for (var step = 0; step < 10_000; step++)
        {
            using var scope = NewDisposeScope();
            var x = randn(4, 8);
            var y = randint(0, 3, new long[] { 4 });
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x), y).backward();
            optimizer.step();
        }

        Assert.Equal(before, Tensor.TotalCount);
    }

    public static TheoryData<string> Kinds() => new() { "sgd_nesterov", "adam_amsgrad", "adamw", "adagrad", "rmsprop_centered_momentum" };

    private static optim.Optimizer Make(string kind, IEnumerable<Parameter> p) => kind switch
    {
        "sgd_nesterov" => optim.SGD(p, 0.01, momentum: 0.9, nesterov: true, weight_decay: 1e-4),
        "adam_amsgrad" => optim.Adam(p, lr: 1e-3, amsgrad: true, weight_decay: 1e-4),
        "adamw" => optim.AdamW(p, lr: 1e-3, weight_decay: 0.01),
        "adagrad" => optim.Adagrad(p, lr: 0.01, lr_decay: 1e-3, weight_decay: 1e-4),
        "rmsprop_centered_momentum" => optim.RMSProp(p, lr: 1e-3, momentum: 0.9, centered: true, weight_decay: 1e-4),
        _ => throw new ArgumentException($"No optimizer for '{kind}'.", nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void OptimizerSteps_ThousandInDisposeScopes_LeaveLiveCountUnchanged(string kind)
    {
        manual_seed(3);
        using var model = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 2));
        using var optimizer = Make(kind, model.parameters());
        using var x = randn(16, 5);
        using var y = randn(16, 2);
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            (model.call(x) - y).pow(2).mean().backward();
            optimizer.step();
        }
        // SGD creates its momentum buffers on the first step, and they live as long as the optimizer.
        Step();
        var before = LiveTensorCount.Settled();

        for (var i = 0; i < 1000; i++)
        {
            Step();
        }

        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void Tensor_DisposedByUsingAndByItsScope_CountsOnce()
    {
        var before = LiveTensorCount.Settled();
        using (NewDisposeScope())
        {
            // The library's projections hold `using var` temporaries inside a caller's scope, so both dispose them.
            using var t = ones(3);
        }

        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void DisposeScope_OnDispose_DisposesEverythingButWhatMovedOut()
    {
        var before = LiveTensorCount.Settled();
        Tensor kept;
        using (NewDisposeScope())
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
}
