using TorchSharp.Modules;

namespace TorchSharp.Compat.Tests;

public sealed class ModuleTests
{
    private sealed class TwoLayer : torch.nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc1 = torch.nn.Linear(3, 4);
        private readonly Linear fc2 = torch.nn.Linear(4, 2);

        public TwoLayer() : base(nameof(TwoLayer)) => RegisterComponents();

        public override Tensor forward(Tensor input) => fc2.call(fc1.call(input).relu());
    }

    [Fact]
    public void RegisterComponents_FieldsOfCustomModule_NamedByField()
    {
        using var model = new TwoLayer();

        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], model.named_parameters().Select(p => p.name));
        Assert.Equal(["", "fc1", "fc2"], model.named_modules().Select(m => m.name));
    }

    [Fact]
    public void Train_OnParent_PropagatesToChildren()
    {
        using var model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.Dropout(0.5));
        model.eval();

        Assert.All(model.modules(), m => Assert.False(m.training));
    }

    [Fact]
    public void SaveThenLoad_IntoFreshModel_RestoresEveryParameterAndBuffer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"compat-{Guid.NewGuid():N}.bin");
        try
        {
            manual_seed(1);
            using var a = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4));
            using (var scope = NewDisposeScope())
            {
                a.call(randn(8, 3));
            }
            a.save(path);
            manual_seed(2);
            using var b = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4));

            b.load(path);

            var sa = a.state_dict();
            var sb = b.state_dict();
            Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked"], sa.Keys);
            foreach (var key in sa.Keys)
            {
                Assert.True(sa[key].to_type(ScalarType.Float64).allclose(sb[key].to_type(ScalarType.Float64), 0, 0), key);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_ForeignFile_ThrowsInvalidDataException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"compat-{Guid.NewGuid():N}.bin");
        File.WriteAllText(path, "not a model");
        try
        {
            using var model = torch.nn.Linear(2, 2);

            Assert.Throws<InvalidDataException>(() => model.load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ForwardHook_ReturningTensor_ReplacesOutput()
    {
        using var layer = torch.nn.Linear(2, 2);
        var remover = layer.register_forward_hook((_, _, output) => output * 0);
        using var x = ones(1, 2);

        Assert.Equal(0f, layer.call(x).abs().sum().item<float>());
        remover.remove();
        Assert.NotEqual(0f, layer.call(x).abs().sum().item<float>());
    }

    [Fact]
    public void BatchNorm1d_Training_UpdatesRunningStatisticsWithMomentum()
    {
        using var bn = torch.nn.BatchNorm1d(2);
        using var x = tensor(new[] { 1f, 10f, 3f, 20f }, new long[] { 2, 2 });

        bn.call(x).Dispose();

        Assert.Equal(new[] { 0.2f, 1.5f }, bn.running_mean.data<float>().ToArray());
        Assert.Equal(new[] { 0.9f + 0.1f * 2f, 0.9f + 0.1f * 50f }, bn.running_var.data<float>().ToArray(), new FloatComparer(1e-6f));
    }

    [Fact]
    public void LoadStateDict_ShapeMismatch_ThrowsNamingTheKey()
    {
        using var a = torch.nn.Linear(2, 3);
        using var b = torch.nn.Linear(3, 3);

        var e = Assert.Throws<ArgumentException>(() => a.load_state_dict(b.state_dict()));

        Assert.StartsWith("Shape mismatch for 'weight': the module has [3, 2], the state dictionary has [3, 3].", e.Message, StringComparison.Ordinal);
    }

    private sealed class FloatComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
