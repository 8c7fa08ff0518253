using System.Text.Json;
using TorchSharp.Modules;

namespace TorchSharp.Compat.Tests;

/// <summary>Five steps of each optimizer against PyTorch 1.13 (golden/make_optim_golden.py), float32 on both sides: rtol 1e-5, atol 1e-6.</summary>
public sealed class OptimizerGoldenTests
{
    private static readonly Golden Data = Golden.Load("optim_golden.json");

    private static float[] Floats(string name) => Data.Root.GetProperty(name).EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();

    private static torch.optim.Optimizer Make(string name, Parameter w) => name switch
    {
        "sgd" => torch.optim.SGD(new[] { w }, 0.05),
        "sgd_momentum" => torch.optim.SGD(new[] { w }, 0.05, momentum: 0.9),
        "sgd_nesterov" => torch.optim.SGD(new[] { w }, 0.05, momentum: 0.9, nesterov: true),
        "sgd_weight_decay" => torch.optim.SGD(new[] { w }, 0.05, weight_decay: 0.1),
        "adam" => torch.optim.Adam(new[] { w }, lr: 0.05),
        "adam_amsgrad" => torch.optim.Adam(new[] { w }, lr: 0.05, amsgrad: true, weight_decay: 0.01),
        "adamw" => torch.optim.AdamW(new[] { w }, lr: 0.05, weight_decay: 0.01),
        "adagrad" => torch.optim.Adagrad(new[] { w }, lr: 0.1, lr_decay: 0.01),
        "rmsprop" => torch.optim.RMSProp(new[] { w }, lr: 0.01),
        "rmsprop_centered_momentum" => torch.optim.RMSProp(new[] { w }, lr: 0.01, momentum: 0.5, centered: true),
        _ => throw new ArgumentException($"No C# counterpart for golden optimizer '{name}'.", nameof(name)),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var p in Data.Root.GetProperty("trajectories").EnumerateObject())
        {
            data.Add(p.Name);
        }
        return data;
    }

    private static void Step(torch.optim.Optimizer optimizer, Tensor w, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        (x.matmul(w) - y).pow(2).sum().backward();
        optimizer.step();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Optimizer_FiveSteps_MatchPyTorchTrajectory(string name)
    {
        using var w = new Parameter(tensor(Floats("w0")));
        using var x = tensor(Floats("x"), new long[] { 3, 6 });
        using var y = tensor(Floats("y"));
        using var optimizer = Make(name, w);
        var expected = Data.Root.GetProperty("trajectories").GetProperty(name).EnumerateArray().ToList();

        for (var step = 0; step < expected.Count; step++)
        {
            Step(optimizer, w, x, y);
            var want = expected[step].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var got = w.data<float>().ToArray();
            for (var i = 0; i < want.Length; i++)
            {
                Assert.True(Math.Abs(got[i] - want[i]) <= 1e-6 + 1e-5 * Math.Abs(want[i]), $"{name} step {step + 1} w[{i}]: expected {want[i]:R}, got {got[i]:R}");
            }
        }
    }

    [Theory]
    [InlineData("sgd_momentum")]
    [InlineData("adam_amsgrad")]
    [InlineData("rmsprop_centered_momentum")]
    public void OptimizerState_SavedThenRestored_ReplaysTheSameSteps(string name)
    {
        using var w = new Parameter(tensor(Floats("w0")));
        using var x = tensor(Floats("x"), new long[] { 3, 6 });
        using var y = tensor(Floats("y"));
        using var optimizer = (OptimizerHelper)Make(name, w);
        Step(optimizer, w, x, y);
        Step(optimizer, w, x, y);
        using var snapshot = new MemoryStream();
        using (var writer = new BinaryWriter(snapshot, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }
        var weightsAtSnapshot = w.data<float>().ToArray();
        Step(optimizer, w, x, y);
        Step(optimizer, w, x, y);
        var afterFour = w.data<float>().ToArray();

        snapshot.Position = 0;
        using (var reader = new BinaryReader(snapshot))
        {
            optimizer.load_state_dict(reader);
        }
        using (no_grad())
        {
            w.copy_(tensor(weightsAtSnapshot));
        }
        Step(optimizer, w, x, y);
        Step(optimizer, w, x, y);

        Assert.Equal(afterFour, w.data<float>().ToArray());
    }

    [Fact]
    public void StepLR_StepSizeTwo_MultipliesByGammaEveryTwoEpochs()
    {
        using var w = new Parameter(zeros(2));
        using var optimizer = torch.optim.SGD(new[] { w }, 0.8);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 2, gamma: 0.5);
        var rates = new List<double>();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            rates.Add(optimizer.ParamGroups.First().LearningRate);
            scheduler.step();
        }

        Assert.Equal(new[] { 0.8, 0.8, 0.4, 0.4, 0.2 }, rates);
    }

    [Fact]
    public void ZeroGrad_AfterBackward_ClearsGradients()
    {
        using var w = new Parameter(ones(3));
        using var optimizer = torch.optim.Adam(new[] { w });
        w.sum().backward();
        Assert.NotNull(w.grad);

        optimizer.zero_grad();

        Assert.Null(w.grad);
    }
}
