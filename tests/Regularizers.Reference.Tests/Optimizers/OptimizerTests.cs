using Regularizers.Reference.Optimizers;
using Parameter = TorchSharp.Modules.Parameter;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.Optimizers;

/// <summary>The reference optimizers: argument checks, seed 001's uncorrected Adam, PyTorch golden trajectories, TorchSharp's step by step.</summary>
public class OptimizerTests
{
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

    [Fact]
    public void Sgd_ZeroLearningRate_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0));

        Assert.StartsWith("learningRate must be a finite number greater than 0. Received: learningRate=0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adam_NaNBeta_ThrowsExactMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta1: double.NaN));

        Assert.StartsWith("beta1 must be a finite number in the range [0, 1). Received: beta1=NaN.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedVariants_DifferFromPyTorchsOnTheFirstStep()
    {
        double[] torchForm = [1.0];
        double[] seedForm = [1.0];
        double[] g = [0.5];

        new Adam(0.1).Step([torchForm], [g]);
        new Adam(0.1, biasCorrection: AdamBiasCorrection.Uncorrected).Step([seedForm], [g]);

        // Corrected: m̂ = g, v̂ = g², step lr·g/|g| = 0.1. Uncorrected: m = 0.1g, v = 0.001g², step 0.1·0.1/√0.001 ≈ 0.316.
        Assert.Equal(0.9, torchForm[0], 6);
        Assert.Equal(1 - (0.1 * 0.1 / Math.Sqrt(0.001)), seedForm[0], 6);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Optimizer_SixSteps_FollowsPyTorchsTrajectory(string name)
    {
        var golden = Golden.Root.GetProperty("optimizers");
        var w = Golden.Array(golden.GetProperty("start"));
        var gradients = golden.GetProperty("gradients").EnumerateArray().Select(Golden.Array).ToList();
        var expected = golden.GetProperty("trajectories").GetProperty(name).EnumerateArray().Select(Golden.Array).ToList();
        var optimizer = Create(name);

        for (var step = 0; step < gradients.Count; step++)
        {
            optimizer.Step([w], [gradients[step]]);
            Tolerances.Close(expected[step], w, Tolerances.Float64, Tolerances.Float64);
        }
    }

    public static TheoryData<string> OptimizerNames => ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "rmsprop_centered", "adam", "adamw"];

    [Theory]
    [MemberData(nameof(OptimizerNames))]
    public void Optimizer_FiveSteps_EqualsTorchSharpOptimizer(string name)
    {
        manual_seed(15);
        using var start = randn(8);
        var gradients = Enumerable.Range(0, 5).Select(_ => randn(8)).ToList();
        using var w = new Parameter(start.clone());
        using optim.Optimizer torchOptimizer = name switch
        {
            "sgd" => optim.SGD([w], 0.1, weight_decay: 0.01),
            "momentum" => optim.SGD([w], 0.1, momentum: 0.9, dampening: 0.1),
            "nesterov" => optim.SGD([w], 0.1, momentum: 0.9, nesterov: true),
            "adagrad" => optim.Adagrad([w], 0.1, lr_decay: 0.05, initial_accumulator_value: 0.1),
            "rmsprop" => optim.RMSProp([w], 0.01, alpha: 0.9),
            "rmsprop_centered" => optim.RMSProp([w], 0.01, alpha: 0.9, momentum: 0.5, centered: true),
            "adam" => optim.Adam([w], 0.01, weight_decay: 0.01),
            _ => optim.AdamW([w], 0.01, weight_decay: 0.1),
        };
        Reference.Optimizers.IOptimizer reference = name switch
        {
            "sgd" => new Reference.Optimizers.Sgd(0.1, 0.01),
            "momentum" => new Reference.Optimizers.Momentum(0.1, 0.9, dampening: 0.1),
            "nesterov" => new Reference.Optimizers.Nesterov(0.1, 0.9),
            "adagrad" => new Reference.Optimizers.AdaGrad(0.1, learningRateDecay: 0.05, initialAccumulatorValue: 0.1),
            "rmsprop" => new Reference.Optimizers.RmsProp(0.01, alpha: 0.9),
            "rmsprop_centered" => new Reference.Optimizers.RmsProp(0.01, alpha: 0.9, momentum: 0.5, centered: true),
            "adam" => new Reference.Optimizers.Adam(0.01, weightDecay: 0.01),
            _ => new Reference.Optimizers.Adam(0.01, weightDecay: 0.1, decay: Reference.Optimizers.AdamWeightDecay.Decoupled),
        };
        var values = Doubles(start);

        foreach (var g in gradients)
        {
            w.grad = g.clone();
            torchOptimizer.step();
            reference.Step([values], [Doubles(g)]);
            CloseToTorch(values, w);
        }
        gradients.ForEach(g => g.Dispose());
    }
}
