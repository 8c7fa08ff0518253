using System.Text.Json;
using Regularizers.Reference.Constraints;
using Regularizers.Reference.Initialization;
using Regularizers.Reference.Losses;
using Regularizers.Reference.Normalization;
using Regularizers.Reference.Optimizers;

namespace Regularizers.Reference.Tests;

/// <summary>The reference against PyTorch 1.13 in float64 (golden/make_reference_golden.py).</summary>
public class PyTorchGoldenTests
{
    private static readonly JsonElement Golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "reference_golden.json"))).RootElement;

    private static double[] Array(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static Matrix Matrix(JsonElement e, int rows, int cols) => new(rows, cols, Array(e));

    public static TheoryData<string> Optimizers => ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "rmsprop_centered_momentum", "adam", "adam_amsgrad", "adamw"];

    private static IOptimizer Create(string name) => name switch
    {
        "sgd" => new Sgd(0.1, weightDecay: 0.01),
        "momentum" => new Momentum(0.1, 0.9, dampening: 0.1, weightDecay: 0.01),
        "nesterov" => new Nesterov(0.1, 0.9, weightDecay: 0.01),
        "adagrad" => new AdaGrad(0.1, learningRateDecay: 0.05, weightDecay: 0.01, initialAccumulatorValue: 0.1),
        "rmsprop" => new RmsProp(0.01, alpha: 0.9, weightDecay: 0.01),
        "rmsprop_centered_momentum" => new RmsProp(0.01, alpha: 0.9, momentum: 0.5, centered: true),
        "adam" => new Adam(0.01, weightDecay: 0.01),
        "adam_amsgrad" => new Adam(0.01, 0.8, 0.99, amsgrad: true),
        _ => new Adam(0.01, weightDecay: 0.1, decay: AdamWeightDecay.Decoupled),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Optimizer_SixSteps_FollowsPyTorchsTrajectory(string name)
    {
        var golden = Golden.GetProperty("optimizers");
        var w = Array(golden.GetProperty("start"));
        var gradients = golden.GetProperty("gradients").EnumerateArray().Select(Array).ToList();
        var expected = golden.GetProperty("trajectories").GetProperty(name).EnumerateArray().Select(Array).ToList();
        var optimizer = Create(name);

        for (var step = 0; step < gradients.Count; step++)
        {
            optimizer.Step([w], [gradients[step]]);
            Tolerances.Close(expected[step], w, Tolerances.Float64, Tolerances.Float64);
        }
    }

    [Fact]
    public void LabelSmoothing_AllCases_MatchPyTorch()
    {
        var golden = Golden.GetProperty("label_smoothing");
        var logits = Matrix(golden.GetProperty("logits"), 6, 4);
        var labels = golden.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var weight = Array(golden.GetProperty("weight"));
        var cases = golden.GetProperty("cases").EnumerateArray().ToList();

        Assert.Equal(36, cases.Count);
        foreach (var c in cases)
        {
            var reduction = Enum.Parse<Reduction>(c.GetProperty("reduction").GetString()!, ignoreCase: true);
            var loss = new LabelSmoothingCrossEntropy(
                c.GetProperty("epsilon").GetDouble(), LabelSmoothing.Uniform, c.GetProperty("weighted").GetBoolean() ? weight : null,
                c.GetProperty("ignore_index").GetInt32(), reduction);

            var (value, gradient) = loss.Compute(logits, labels);

            Tolerances.Close(Array(c.GetProperty("loss")), value, Tolerances.Float64, Tolerances.Float64);
            Tolerances.Close(Array(c.GetProperty("grad")), gradient.Data, Tolerances.Float64, Tolerances.Float64);
        }
    }

    [Fact]
    public void LabelSmoothing_ProbabilityTargets_MatchPyTorch()
    {
        var golden = Golden.GetProperty("label_smoothing");
        var p = golden.GetProperty("probability_targets");
        var loss = new LabelSmoothingCrossEntropy(p.GetProperty("epsilon").GetDouble(), weight: Array(golden.GetProperty("weight")));

        var (value, gradient) = loss.Compute(Matrix(golden.GetProperty("logits"), 6, 4), Matrix(p.GetProperty("targets"), 6, 4));

        Tolerances.Close(Array(p.GetProperty("loss")), value, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Array(p.GetProperty("grad")), gradient.Data, Tolerances.Float64, Tolerances.Float64);
    }

    [Fact]
    public void MaxNorm_EqualsTorchRenorm()
    {
        var golden = Golden.GetProperty("renorm");
        var w = Matrix(golden.GetProperty("weight"), 5, 6);

        MaxNorm.Apply(w, golden.GetProperty("max_norm").GetDouble());

        Tolerances.Close(Array(golden.GetProperty("renormed")), w.Data, Tolerances.Float64, Tolerances.Float64);
    }

    [Fact]
    public void BatchNorm_TrainTwiceThenEval_MatchesPyTorch()
    {
        var g = Golden.GetProperty("batch_norm");
        var bn = new BatchNorm(3);
        Array(g.GetProperty("gamma")).CopyTo(bn.Gamma, 0);
        Array(g.GetProperty("beta")).CopyTo(bn.Beta, 0);

        var (y1, normalized, inverseStd) = bn.Forward(Matrix(g.GetProperty("x1"), 8, 3), training: true);
        var (dx, dGamma, dBeta) = bn.Backward(normalized, inverseStd, Matrix(g.GetProperty("r"), 8, 3));
        bn.Forward(Matrix(g.GetProperty("x2"), 8, 3), training: true);
        var (y3, _, _) = bn.Forward(Matrix(g.GetProperty("x3"), 4, 3), training: false);

        Tolerances.Close(Array(g.GetProperty("y1")), y1.Data, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Array(g.GetProperty("dx1")), dx.Data, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Array(g.GetProperty("dgamma")), dGamma, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Array(g.GetProperty("dbeta")), dBeta, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Array(g.GetProperty("running_mean")), bn.RunningMean, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Array(g.GetProperty("running_var")), bn.RunningVariance, Tolerances.Float64, Tolerances.Float64);
        Tolerances.Close(Array(g.GetProperty("y3")), y3.Data, Tolerances.Float64, Tolerances.Float64);
    }

    [Theory]
    [InlineData("xavier_uniform")]
    [InlineData("xavier_normal")]
    [InlineData("he_uniform")]
    [InlineData("he_normal")]
    public void Initializer_SampleVariance_MatchesFormulaAndPyTorch(string name)
    {
        var g = Golden.GetProperty("init_variance");
        var (fanOut, fanIn) = (g.GetProperty("fan_out").GetInt32(), g.GetProperty("fan_in").GetInt32());
        var random = new Random(7);
        var (w, formula) = name switch
        {
            "xavier_uniform" => (Initializers.XavierUniform(fanOut, fanIn, random), 2.0 / (fanIn + fanOut)),
            "xavier_normal" => (Initializers.XavierNormal(fanOut, fanIn, random), 2.0 / (fanIn + fanOut)),
            "he_uniform" => (Initializers.HeUniform(fanOut, fanIn, random), 2.0 / fanIn),
            _ => (Initializers.HeNormal(fanOut, fanIn, random), 2.0 / fanIn),
        };

        var mean = w.Data.Average();
        var variance = w.Data.Sum(v => (v - mean) * (v - mean)) / (w.Data.Length - 1);

        // The sample variance of n = 150,000 draws has a relative standard error of √(2/n) ≈ 0.4% (normal) and less
        // for uniform; 2% is five standard errors.
        Assert.InRange(variance / formula, 0.98, 1.02);
        Assert.InRange(g.GetProperty(name).GetDouble() / formula, 0.98, 1.02);
    }
}
