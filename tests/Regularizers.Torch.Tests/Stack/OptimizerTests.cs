using TorchSharp.Modules;

namespace Regularizers.Torch.Tests.Stack;

/// <summary>TorchSharp's optimizers follow PyTorch 1.13's five-step trajectories on sum((x·w − y)²) (golden/make_optim_golden.py).</summary>
/// <remarks>Both sides step in float32, so every step is compared with rtol 1e-5, atol 1e-6.</remarks>
public sealed class OptimizerTests
{
    private static readonly Golden Data = Golden.Load("optim_golden.json");

    private static float[] Floats(string name) => Data.Root.GetProperty(name).EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();

    private static long[] XShape => Data.Root.GetProperty("x_shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>The C# counterpart of each single-parameter configuration in make_optim_golden.py.</summary>
    private static optim.Optimizer Make(string name, Parameter w) => name switch
    {
        "sgd" => optim.SGD(new[] { w }, 0.05),
        "sgd_momentum" => optim.SGD(new[] { w }, 0.05, momentum: 0.9),
        "sgd_nesterov" => optim.SGD(new[] { w }, 0.05, momentum: 0.9, nesterov: true),
        "sgd_weight_decay" => optim.SGD(new[] { w }, 0.05, weight_decay: 0.1),
        "sgd_momentum_dampening_weight_decay" => optim.SGD(new[] { w }, 0.05, momentum: 0.9, dampening: 0.2, weight_decay: 0.01),
        "sgd_momentum_maximize" => optim.SGD(new[] { w }, 0.01, momentum: 0.5, maximize: true),
        "adam" => optim.Adam(new[] { w }, lr: 0.05),
        "adam_amsgrad" => optim.Adam(new[] { w }, lr: 0.05, amsgrad: true, weight_decay: 0.01),
        "adam_weight_decay_maximize" => optim.Adam(new[] { w }, lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6, weight_decay: 0.1, maximize: true),
        "adamw" => optim.AdamW(new[] { w }, lr: 0.05, weight_decay: 0.01),
        "adamw_amsgrad" => optim.AdamW(new[] { w }, lr: 0.05, weight_decay: 0.1, amsgrad: true),
        "adagrad" => optim.Adagrad(new[] { w }, lr: 0.1, lr_decay: 0.01),
        "adagrad_weight_decay_initial" => optim.Adagrad(new[] { w }, lr: 0.1, weight_decay: 0.1, initial_accumulator_value: 0.5, eps: 1e-6),
        "rmsprop" => optim.RMSProp(new[] { w }, lr: 0.01),
        "rmsprop_centered_momentum" => optim.RMSProp(new[] { w }, lr: 0.01, momentum: 0.5, centered: true),
        "rmsprop_weight_decay_maximize" => optim.RMSProp(new[] { w }, lr: 0.01, alpha: 0.9, weight_decay: 0.1, maximize: true),
        _ => throw new ArgumentException($"No C# counterpart for golden optimizer '{name}'.", nameof(name)),
    };

    public static TheoryData<string> SingleParameterNames()
    {
        var data = new TheoryData<string>();
        foreach (var p in Data.Root.GetProperty("trajectories").EnumerateObject().Where(p => p.Name != "sgd_groups"))
        {
            data.Add(p.Name);
        }
        return data;
    }

    private static double[][] Expected(string name) =>
        Data.Root.GetProperty("trajectories").GetProperty(name).EnumerateArray()
            .Select(step => step.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();

    private static void AssertClose(double[] want, float[] got, string what)
    {
        Assert.Equal(want.Length, got.Length);
        for (var i = 0; i < want.Length; i++)
        {
            Assert.True(Math.Abs(got[i] - want[i]) <= 1e-6 + 1e-5 * Math.Abs(want[i]), $"{what} [{i}]: expected {want[i]:R}, got {got[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(SingleParameterNames))]
    public void Optimizer_FiveStepsOnQuadratic_MatchPyTorchTrajectory(string name)
    {
        using var w = new Parameter(tensor(Floats("w0")));
        using var x = tensor(Floats("x"), XShape);
        using var y = tensor(Floats("y"));
        using var optimizer = Make(name, w);
        var expected = Expected(name);

        for (var step = 0; step < expected.Length; step++)
        {
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                (x.matmul(w) - y).pow(2).sum().backward();
                optimizer.step();
            }
            AssertClose(expected[step], w.data<float>().ToArray(), $"{name} step {step + 1}");
        }
    }

    [Fact]
    public void SGD_TwoParamGroupsWithOwnOptions_MatchPyTorchTrajectory()
    {
        var w0 = Floats("w0");
        using var x = tensor(Floats("x"), XShape);
        using var w1 = new Parameter(tensor(w0[..3]));
        using var w2 = new Parameter(tensor(w0[3..]));
        using var x1 = x.narrow(1, 0, 3);
        using var x2 = x.narrow(1, 3, 3);
        using var y = tensor(Floats("y"));
        var groups = new[]
        {
            new SGD.ParamGroup { Parameters = new[] { w1 } },
            new SGD.ParamGroup(new[] { w2 }, lr: 0.02, momentum: 0.9),
        };
        using var optimizer = optim.SGD(groups, 0.05);
        var expected = Expected("sgd_groups");

        for (var step = 0; step < expected.Length; step++)
        {
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                (x1.matmul(w1) + x2.matmul(w2) - y).pow(2).sum().backward();
                optimizer.step();
            }
            AssertClose(expected[step], [.. w1.data<float>(), .. w2.data<float>()], $"sgd_groups step {step + 1}");
        }
    }
}
