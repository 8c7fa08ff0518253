using TorchSharp.Modules;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.Optimizers;

/// <summary>The reference optimizers against TorchSharp's, step by step.</summary>
public class OptimizerTwinTests
{
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
