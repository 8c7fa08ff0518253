using TorchSharp.Modules;

namespace TorchSharp.Compat.Tests;

/// <summary>
/// The optimizers against PyTorch 1.13 trajectories (golden/make_optim_golden.py: five steps on sum((x·w − y)²), float32 on
/// both sides, rtol 1e-5, atol 1e-6), plus state saving and restoring, gradient clearing, learning-rate control and arguments.
/// </summary>
public sealed class OptimizerTests
{
    private static readonly Golden Data = Golden.Load("optim_golden.json");

    private static float[] Floats(string name) => Data.Root.GetProperty(name).EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();

    private static long[] XShape => Data.Root.GetProperty("x_shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>The C# counterpart of each single-parameter configuration in make_optim_golden.py.</summary>
    private static torch.optim.Optimizer Make(string name, Parameter w) => name switch
    {
        "sgd" => torch.optim.SGD(new[] { w }, 0.05),
        "sgd_momentum" => torch.optim.SGD(new[] { w }, 0.05, momentum: 0.9),
        "sgd_nesterov" => torch.optim.SGD(new[] { w }, 0.05, momentum: 0.9, nesterov: true),
        "sgd_weight_decay" => torch.optim.SGD(new[] { w }, 0.05, weight_decay: 0.1),
        "sgd_momentum_dampening_weight_decay" => torch.optim.SGD(new[] { w }, 0.05, momentum: 0.9, dampening: 0.2, weight_decay: 0.01),
        "sgd_momentum_maximize" => torch.optim.SGD(new[] { w }, 0.01, momentum: 0.5, maximize: true),
        "adam" => torch.optim.Adam(new[] { w }, lr: 0.05),
        "adam_amsgrad" => torch.optim.Adam(new[] { w }, lr: 0.05, amsgrad: true, weight_decay: 0.01),
        "adam_weight_decay_maximize" => torch.optim.Adam(new[] { w }, lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6, weight_decay: 0.1, maximize: true),
        "adamw" => torch.optim.AdamW(new[] { w }, lr: 0.05, weight_decay: 0.01),
        "adamw_amsgrad" => torch.optim.AdamW(new[] { w }, lr: 0.05, weight_decay: 0.1, amsgrad: true),
        "adagrad" => torch.optim.Adagrad(new[] { w }, lr: 0.1, lr_decay: 0.01),
        "adagrad_weight_decay_initial" => torch.optim.Adagrad(new[] { w }, lr: 0.1, weight_decay: 0.1, initial_accumulator_value: 0.5, eps: 1e-6),
        "rmsprop" => torch.optim.RMSProp(new[] { w }, lr: 0.01),
        "rmsprop_centered_momentum" => torch.optim.RMSProp(new[] { w }, lr: 0.01, momentum: 0.5, centered: true),
        "rmsprop_weight_decay_maximize" => torch.optim.RMSProp(new[] { w }, lr: 0.01, alpha: 0.9, weight_decay: 0.1, maximize: true),
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

    /// <summary>The fixed problem: a parameter w0 and the data x, y of the golden file.</summary>
    private sealed class Problem : IDisposable
    {
        public Problem()
        {
            W = new Parameter(tensor(Floats("w0")));
            X = tensor(Floats("x"), XShape);
            Y = tensor(Floats("y"));
        }

        public Parameter W { get; }

        public Tensor X { get; }

        public Tensor Y { get; }

        /// <summary>zero_grad, backward of sum((x·w − y)²), step — in a dispose scope.</summary>
        public void Step(torch.optim.Optimizer optimizer)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            (X.matmul(W) - Y).pow(2).sum().backward();
            optimizer.step();
        }

        public float[] Weights() => W.data<float>().ToArray();

        public void SetWeights(float[] values)
        {
            using var scope = NewDisposeScope();
            using (no_grad())
            {
                W.copy_(tensor(values));
            }
        }

        public void Dispose()
        {
            W.Dispose();
            X.Dispose();
            Y.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(SingleParameterNames))]
    public void Optimizer_FiveStepsOnQuadratic_MatchPyTorchTrajectory(string name)
    {
        using var problem = new Problem();
        using var optimizer = Make(name, problem.W);
        var expected = Expected(name);

        for (var step = 0; step < expected.Length; step++)
        {
            problem.Step(optimizer);
            AssertClose(expected[step], problem.Weights(), $"{name} step {step + 1}");
        }
    }

    [Fact]
    public void SGD_TwoParamGroupsWithOwnOptions_MatchPyTorchTrajectory()
    {
        var w0 = Floats("w0");
        var x = Floats("x");
        var columns = (int)XShape[1];
        float[] Columns(int from) => Enumerable.Range(0, x.Length / columns).SelectMany(r => x.Skip(r * columns + from).Take(3)).ToArray();
        using var w1 = new Parameter(tensor(w0[..3]));
        using var w2 = new Parameter(tensor(w0[3..]));
        using var x1 = tensor(Columns(0), new long[] { 3, 3 });
        using var x2 = tensor(Columns(3), new long[] { 3, 3 });
        using var y = tensor(Floats("y"));
        var groups = new[]
        {
            new SGD.ParamGroup { Parameters = new[] { w1 } },
            new SGD.ParamGroup(new[] { w2 }, lr: 0.02, momentum: 0.9),
        };
        using var optimizer = torch.optim.SGD(groups, 0.05);
        var expected = Expected("sgd_groups");

        for (var step = 0; step < expected.Length; step++)
        {
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                (x1.matmul(w1) + x2.matmul(w2) - y).pow(2).sum().backward();
                optimizer.step();
            }
            AssertClose(expected[step], w1.data<float>().ToArray().Concat(w2.data<float>().ToArray()).ToArray(), $"sgd_groups step {step + 1}");
        }
        Assert.Equal(new[] { 0.05, 0.02 }, optimizer.ParamGroups.Select(g => g.LearningRate));
        Assert.Equal(new[] { 0.0, 0.9 }, optimizer.ParamGroups.Cast<SGD.ParamGroup>().Select(g => g.Momentum));
    }

    [Theory]
    [InlineData("sgd_momentum")]
    [InlineData("sgd_nesterov")]
    [InlineData("adam_amsgrad")]
    [InlineData("adamw")]
    [InlineData("adagrad")]
    [InlineData("rmsprop_centered_momentum")]
    public void SaveStateDict_SnapshotThenThreeStepsThenLoad_ReplaysTheSameThreeSteps(string name)
    {
        using var problem = new Problem();
        using var optimizer = (OptimizerHelper)Make(name, problem.W);
        problem.Step(optimizer);
        problem.Step(optimizer);
        using var snapshot = new MemoryStream();
        using (var writer = new BinaryWriter(snapshot, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }
        var weightsAtSnapshot = problem.Weights();
        var firstRun = new List<float[]>();
        for (var i = 0; i < 3; i++)
        {
            problem.Step(optimizer);
            firstRun.Add(problem.Weights());
        }

        snapshot.Position = 0;
        using (var reader = new BinaryReader(snapshot))
        {
            optimizer.load_state_dict(reader);
        }
        problem.SetWeights(weightsAtSnapshot);
        for (var i = 0; i < 3; i++)
        {
            problem.Step(optimizer);
            Assert.Equal(firstRun[i], problem.Weights());
        }
    }

    [Theory]
    [InlineData("sgd_momentum")]
    [InlineData("adam_amsgrad")]
    [InlineData("adagrad")]
    [InlineData("rmsprop_centered_momentum")]
    public void LoadStateDict_ThroughASecondOptimizer_KeepsADeepCopy(string name)
    {
        using var problem = new Problem();
        using var optimizer = (OptimizerHelper)Make(name, problem.W);
        using var holder = (OptimizerHelper)Make(name, problem.W);
        problem.Step(optimizer);
        problem.Step(optimizer);
        holder.load_state_dict(optimizer.state_dict());
        var weightsAtSnapshot = problem.Weights();
        var firstRun = new List<float[]>();
        for (var i = 0; i < 3; i++)
        {
            problem.Step(optimizer);
            firstRun.Add(problem.Weights());
        }

        optimizer.load_state_dict(holder.state_dict());
        problem.SetWeights(weightsAtSnapshot);
        for (var i = 0; i < 3; i++)
        {
            problem.Step(optimizer);
            Assert.Equal(firstRun[i], problem.Weights());
        }
    }

    [Fact]
    public void StateDict_AsUpstream_HoldsTheLiveStateObjects()
    {
        using var problem = new Problem();
        using var optimizer = torch.optim.Adam(new[] { problem.W }, lr: 0.05);
        var sd = optimizer.state_dict();
        problem.Step(optimizer);
        problem.Step(optimizer);

        var state = Assert.IsType<Adam.State>(Assert.Single(sd.State));
        Assert.Equal(2, state.step);
        Assert.Same(optimizer.ParamGroups.Cast<ParamGroup>().Single().Options, Assert.Single(sd.Options));
        Assert.Equal(new[] { new List<int> { 0 } }, sd.StateIndexRef);
    }

    [Fact]
    public void StateDict_AfterSteps_HoldsStepCountsAndBuffers()
    {
        using var problem = new Problem();
        using var sgd = torch.optim.SGD(new[] { problem.W }, 0.05, momentum: 0.9);
        using var rms = torch.optim.RMSProp(new[] { problem.W }, centered: true);

        Assert.Null(((SGD.State)sgd.state_dict().State[0]).momentum_buffer);
        problem.Step(sgd);
        using var grad = problem.W.grad;
        var buffer = ((SGD.State)sgd.state_dict().State[0]).momentum_buffer;
        Assert.Equal(grad.data<float>().ToArray(), buffer.data<float>().ToArray());
        problem.Step(rms);
        problem.Step(rms);
        Assert.Equal(2, ((RMSProp.State)rms.state_dict().State[0]).step);
    }

    [Fact]
    public void SaveStateDictToFile_ThenLoad_RestoresOptionsAndStateWithoutLeavingTemporaryFiles()
    {
        var folder = Directory.CreateTempSubdirectory("optim-state-");
        try
        {
            var path = Path.Combine(folder.FullName, "adam.bin");
            using var problem = new Problem();
            using var optimizer = torch.optim.Adam(new[] { problem.W }, lr: 0.05, amsgrad: true);
            problem.Step(optimizer);
            optimizer.save_state_dict(path);
            var weights = problem.Weights();
            problem.Step(optimizer);
            var expected = problem.Weights();
            optimizer.ParamGroups.First().LearningRate = 1.0;

            optimizer.load_state_dict(path);
            problem.SetWeights(weights);
            problem.Step(optimizer);

            Assert.Equal(expected, problem.Weights());
            Assert.Equal(0.05, optimizer.ParamGroups.First().LearningRate);
            Assert.Equal(new[] { "adam.bin" }, folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadStateDict_FromAnotherOptimizerType_ThrowsInvalidDataException()
    {
        using var problem = new Problem();
        using var adam = torch.optim.Adam(new[] { problem.W });
        using var sgd = torch.optim.SGD(new[] { problem.W }, 0.1);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            adam.save_state_dict(writer);
        }
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        Assert.Throws<InvalidDataException>(() => sgd.load_state_dict(reader));
    }

    [Fact]
    public void ZeroGrad_AfterBackward_SetsGradientsToZeroInPlace()
    {
        using var w = new Parameter(ones(3));
        using var unused = new Parameter(ones(2));
        using var optimizer = torch.optim.Adam(new[] { w, unused });
        using (NewDisposeScope())
        {
            (w * w).sum().backward();
        }

        optimizer.zero_grad();

        using var grad = w.grad;
        Assert.Equal(new[] { 0f, 0f, 0f }, grad.data<float>().ToArray());
        Assert.Null(unused.grad);
    }

    [Fact]
    public void Step_ParameterWithoutGradient_IsLeftAloneAndKeepsItsStepCount()
    {
        using var w = new Parameter(ones(3));
        using var unused = new Parameter(ones(2));
        using var optimizer = torch.optim.Adam(new[] { w, unused }, lr: 0.1);
        using (NewDisposeScope())
        {
            w.sum().backward();
        }

        optimizer.step();

        Assert.Equal(new[] { 1f, 1f }, unused.data<float>().ToArray());
        Assert.Equal(new[] { 1L, 0L }, optimizer.state_dict().State.Cast<Adam.State>().Select(s => s.step));
        Assert.All(w.data<float>().ToArray(), v => Assert.True(Math.Abs(v - 0.9f) <= 1e-6f, $"expected 0.9, got {v:R}"));
    }

    [Fact]
    public void Step_WithClosure_ReturnsItsLossAndUsesItsGradient()
    {
        using var w = new Parameter(tensor(new[] { 1f, -2f }));
        using var optimizer = torch.optim.SGD(new[] { w }, 0.25);

        using var loss = optimizer.step(() =>
        {
            optimizer.zero_grad();
            var l = (w * w).sum();
            l.backward();
            return l;
        });

        Assert.Equal(5f, loss.item<float>());
        Assert.Equal(new[] { 0.5f, -1f }, w.data<float>().ToArray());
    }

    [Fact]
    public void LearningRate_SetOnParamGroup_AppliesToTheNextStep()
    {
        using var w = new Parameter(tensor(new[] { 1f, -2f }));
        using var optimizer = torch.optim.SGD(new[] { w }, 0.1);
        var group = optimizer.ParamGroups.Single();

        group.LearningRate = 0.5;
        using (NewDisposeScope())
        {
            (w * w).sum().backward();
            optimizer.step();
        }

        Assert.Equal(new[] { 0f, 0f }, w.data<float>().ToArray());
        Assert.Equal(0.5, group.LearningRate);
        Assert.Equal(0.1, group.InitialLearningRate);
    }

    [Fact]
    public void AddParamGroup_WithPartialOptions_TakesTheOptimizerDefaults()
    {
        using var a = new Parameter(ones(2));
        using var b = new Parameter(ones(3));
        using var optimizer = torch.optim.Adam(new[] { a }, lr: 0.01, beta1: 0.8, amsgrad: true);

        optimizer.add_param_group(new Adam.ParamGroup { Parameters = new[] { b }, Options = new Adam.Options { LearningRate = 0.5 } });

        var second = optimizer.ParamGroups.Cast<Adam.ParamGroup>().Last();
        Assert.Equal(0.5, second.LearningRate);
        Assert.Equal(0.5, second.InitialLearningRate);
        Assert.Equal((0.8, 0.999), second.Betas);
        Assert.True(second.Options.amsgrad);
        Assert.Collection(optimizer.parameters(), p => Assert.Same(a, p), p => Assert.Same(b, p));
        Assert.Equal(2, optimizer.state_dict().State.Count);
        Assert.NotNull(((Adam.State)optimizer.state_dict().State[1]).max_exp_avg_sq);
    }

    [Fact]
    public void Factories_NamedParameterOverloads_OptimizeTheSameParameters()
    {
        using var w = new Parameter(ones(2));
        var named = new[] { ("w", w) };

        using var sgd = torch.optim.SGD(named, 0.1, momentum: 0.9);
        using var adam = torch.optim.Adam(named);
        using var adamw = torch.optim.AdamW(named);
        using var adagrad = torch.optim.Adagrad(named);
        using var rms = torch.optim.RMSProp(named);

        foreach (torch.optim.Optimizer o in new torch.optim.Optimizer[] { sgd, adam, adamw, adagrad, rms })
        {
            Assert.Same(w, Assert.Single(o.parameters()));
        }
        Assert.Equal(0.9, sgd.Momentum);
        Assert.Equal((0.9, 0.999), adam.Betas);
        Assert.Equal(0.01, rms.ParamGroups.Single().LearningRate);
        Assert.Equal(0.0, ((AdamW.ParamGroup)adamw.ParamGroups.Single()).Options.weight_decay);
    }

    [Fact]
    public void Constructors_InvalidArguments_ThrowArgumentException()
    {
        using var w = new Parameter(ones(2));
        var p = new[] { w };

        Assert.Throws<ArgumentException>(() => torch.optim.SGD(p, -0.1));
        Assert.Throws<ArgumentException>(() => torch.optim.SGD(p, 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => torch.optim.SGD(p, 0.1, momentum: 0.9, dampening: 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => torch.optim.Adam(p, beta1: 1.0));
        Assert.Throws<ArgumentException>(() => torch.optim.AdamW(p, weight_decay: -1));
        Assert.Throws<ArgumentException>(() => torch.optim.Adagrad(p, lr_decay: -1));
        Assert.Throws<ArgumentException>(() => torch.optim.RMSProp(p, alpha: -0.5));
    }
}

/// <summary>Optimizer steps against the process-wide live tensor count; runs alone (see <see cref="LiveTensorCount"/>).</summary>
[Collection(nameof(LiveTensorCount))]
public sealed class OptimizerLifetimeTests
{
    public static TheoryData<string> Kinds() => new() { "sgd_nesterov", "adam_amsgrad", "adamw", "adagrad", "rmsprop_centered_momentum" };

    private static torch.optim.Optimizer Make(string kind, IEnumerable<Parameter> p) => kind switch
    {
        "sgd_nesterov" => torch.optim.SGD(p, 0.01, momentum: 0.9, nesterov: true, weight_decay: 1e-4),
        "adam_amsgrad" => torch.optim.Adam(p, lr: 1e-3, amsgrad: true, weight_decay: 1e-4, maximize: false),
        "adamw" => torch.optim.AdamW(p, lr: 1e-3, weight_decay: 0.01),
        "adagrad" => torch.optim.Adagrad(p, lr: 0.01, lr_decay: 1e-3, weight_decay: 1e-4),
        "rmsprop_centered_momentum" => torch.optim.RMSProp(p, lr: 1e-3, momentum: 0.9, centered: true, weight_decay: 1e-4),
        _ => throw new ArgumentException(kind, nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Optimizer_ThousandStepsInDisposeScopes_LeaveLiveTensorCountUnchanged(string kind)
    {
        manual_seed(3);
        using var model = torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2));
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
        Step();
        var before = LiveTensors.SettledCount();

        for (var i = 0; i < 1000; i++)
        {
            Step();
        }

        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void Dispose_Optimizer_ReleasesItsStateTensors()
    {
        using var w = new Parameter(ones(4));
        var before = LiveTensors.SettledCount();
        var optimizer = torch.optim.Adam(new[] { w }, amsgrad: true);
        Assert.Equal(before + 3, Tensor.TotalCount);

        optimizer.Dispose();

        Assert.Equal(before, Tensor.TotalCount);
    }
}
