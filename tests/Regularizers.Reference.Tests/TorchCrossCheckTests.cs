using Regularizers.Core.Ensembles;
using Regularizers.Reference.Modules;
using Regularizers.Reference.Ensembles;
using Regularizers.Reference.Losses;
using Regularizers.Reference.Networks;
using Regularizers.Core.Sampling;
using Regularizers.Torch;
using TorchSharp.Modules;
using static Regularizers.Reference.Tests.Tolerances;
using RefActivity = Regularizers.Reference.Penalties.ActivityPenalty;
using RefElasticNet = Regularizers.Reference.Penalties.ElasticNetPenalty;
using RefL1 = Regularizers.Reference.Penalties.L1Penalty;
using RefL2 = Regularizers.Reference.Penalties.L2Penalty;
using RefMaxNorm = Regularizers.Reference.Constraints.MaxNorm;
using RefMinMaxNorm = Regularizers.Reference.Constraints.MinMaxNorm;
using RefNonNeg = Regularizers.Reference.Constraints.NonNeg;
using RefUnitNorm = Regularizers.Reference.Constraints.UnitNorm;
using RefLabelSmoothing = Regularizers.Reference.Losses.LabelSmoothingCrossEntropy;
using RefLabelSmoothingMode = Regularizers.Reference.Losses.LabelSmoothing;
using RefTying = Regularizers.Reference.Penalties.ParameterTyingPenalty;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Penalties;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Modules;

namespace Regularizers.Reference.Tests;

/// <summary>
/// Each regularizer of Regularizers.Torch (float32, libtorch) against its from-scratch reference (float64): identical
/// weights, inputs and masks, outputs and gradients equal within <see cref="Tolerances.TorchRelative"/> and
/// <see cref="Tolerances.TorchAbsolute"/>.
/// </summary>
public class TorchCrossCheckTests
{
    /// <summary>A seeded torch 4-5-3 sigmoid MLP and the reference network holding the same (float32-exact) weights.</summary>
    private static (Sequential Torch, DenseNetwork Reference) Twins(long seed = 0)
    {
        manual_seed(seed);
        var model = nn.Sequential(("fc1", nn.Linear(4, 5)), ("act", nn.Sigmoid()), ("fc2", nn.Linear(5, 3)));
        var layers = model.children().OfType<Linear>()
            .Select(l => new AffineLayer(new Matrix((int)l.weight.shape[0], (int)l.weight.shape[1], Doubles(l.weight)), Doubles(l.bias!)))
            .ToList();
        return (model, new DenseNetwork(layers, [Activation.Sigmoid, Activation.Identity]));
    }

    private static Matrix Input(int rows, int cols, long seed)
    {
        manual_seed(seed);
        using var x = randn(rows, cols);
        return new Matrix(rows, cols, Doubles(x));
    }

    [Fact]
    public void DenseNetwork_ForwardAndBackward_EqualTorchsAutograd()
    {
        var (torchModel, reference) = Twins(1);
        using var _ = torchModel;
        var x = Input(6, 4, 2);
        int[] labels = [0, 2, 1, 1, 0, 2];
        using var xt = ToTorch(x);
        using var yt = tensor(labels.Select(l => (long)l).ToArray());

        var pass = reference.Forward(x);
        var (loss, dLogits) = SoftmaxCrossEntropy.Compute(pass.Output, labels);
        var gradients = reference.Backward(pass, dLogits);
        using var logits = torchModel.call(xt);
        using var torchLoss = nn.functional.cross_entropy(logits, yt);
        torchLoss.backward();

        CloseToTorch(pass.Output.Data, logits);
        CloseToTorch([loss], torchLoss);
        foreach (var (parameter, gradient) in torchModel.parameters().Zip(gradients))
        {
            CloseToTorch(gradient, parameter.grad!);
        }
    }

    public static TheoryData<string> NormPenalties => ["l1", "l2", "elastic"];

    [Theory]
    [MemberData(nameof(NormPenalties))]
    public void NormPenalty_ValueAndGradient_EqualTorchsOnWeightsOnly(string name)
    {
        var (torchModel, reference) = Twins(3);
        using var _ = torchModel;
        (IPenalty torchPenalty, Penalties.IWeightPenalty refPenalty) = name switch
        {
            "l1" => ((IPenalty)new Torch.Penalties.L1Penalty(0.3), (Penalties.IWeightPenalty)new RefL1(0.3)),
            "l2" => (new Torch.Penalties.L2Penalty(0.7), new RefL2(0.7)),
            _ => (new Torch.Penalties.ElasticNetPenalty(0.3, 0.7), new RefElasticNet(0.3, 0.7)),
        };
        var weights = reference.Parameters.Where(p => !p.IsBias).ToList();

        using var value = torchPenalty.Compute(torchModel);
        value.backward();

        CloseToTorch([refPenalty.Value(weights.Select(w => w.Values))], value);
        foreach (var (p, torchParameter) in reference.Parameters.Zip(torchModel.parameters()))
        {
            var gradient = new double[p.Values.Length];
            if (!p.IsBias)
            {
                refPenalty.AddGradient(p.Values, gradient);
                CloseToTorch(gradient, torchParameter.grad!);
            }
            else
            {
                Assert.Null(torchParameter.grad);
            }
        }
    }

    [Theory]
    [InlineData(ActivityNorm.L1)]
    [InlineData(ActivityNorm.L2)]
    public void ActivityPenalty_OnHiddenOutputs_EqualsReference(ActivityNorm norm)
    {
        var (torchModel, reference) = Twins(4);
        using var _ = torchModel;
        using var penalty = new Torch.Penalties.ActivityPenalty((nn.Module<Tensor, Tensor>)torchModel[1], 0.25, norm);
        var x = Input(5, 4, 5);
        using var xt = ToTorch(x);

        using var output = torchModel.call(xt);
        using var value = penalty.Compute(torchModel);
        var hidden = reference.Forward(x).Outputs[0];

        CloseToTorch([RefActivity.Value(hidden, 0.25, norm == ActivityNorm.L1)], value);
    }

    [Fact]
    public void ParameterTyingPenalty_EqualsReference()
    {
        manual_seed(6);
        using var a = nn.Linear(3, 2);
        using var b = nn.Linear(3, 2);
        var penalty = new Torch.Penalties.ParameterTyingPenalty(a, b, 0.9);

        using var value = penalty.Compute(a);
        value.backward();
        var (ga, gb) = RefTying.Gradients(Doubles(a.weight), Doubles(b.weight), 0.9);

        CloseToTorch([RefTying.Value(Doubles(a.weight), Doubles(b.weight), 0.9)], value);
        CloseToTorch(ga, a.weight.grad!);
        CloseToTorch(gb, b.weight.grad!);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.8)]
    public void InvertedDropout_TorchsMask_GivesTheReferenceOutput(double p)
    {
        using var dropout = new Torch.Modules.InvertedDropout(p);
        dropout.train();
        var x = Input(20, 10, 7).Data.Select(v => Math.Abs(v) + 0.1).ToArray();
        using var xt = ToTorch(x);
        manual_seed(8);

        using var y = dropout.call(xt);
        var mask = Doubles(y).Select(v => v != 0 ? 1.0 : 0.0).ToArray();

        CloseToTorch(Reference.Modules.InvertedDropout.Forward(x, mask, p, training: true), y);
        dropout.eval();
        using var eval = dropout.call(xt);
        CloseToTorch(Reference.Modules.InvertedDropout.Forward(x, mask, p, training: false), eval);
    }

    [Fact]
    public void ClassicDropout_TrainAndEval_EqualReference()
    {
        using var dropout = new Torch.Modules.ClassicDropout(0.4);
        var x = Input(10, 10, 9).Data.Select(v => Math.Abs(v) + 0.1).ToArray();
        using var xt = ToTorch(x);

        dropout.train();
        using var y = dropout.call(xt);
        var mask = Doubles(y).Select(v => v != 0 ? 1.0 : 0.0).ToArray();
        dropout.eval();
        using var eval = dropout.call(xt);

        CloseToTorch(Reference.Modules.ClassicDropout.Forward(x, mask, 0.4, training: true), y);
        CloseToTorch(Reference.Modules.ClassicDropout.Forward(x, mask, 0.4, training: false), eval);
    }

    [Fact]
    public void GaussianDropoutAndNoise_Eval_AreTheIdentityInBoth()
    {
        using var dropout = new Torch.Modules.GaussianDropout(0.5);
        using var noise = new Torch.Modules.GaussianNoise(0.3);
        dropout.eval();
        noise.eval();
        var x = Input(4, 5, 10).Data;
        using var xt = ToTorch(x);
        var zeros = new double[x.Length];

        using var yd = dropout.call(xt);
        using var yn = noise.call(xt);

        CloseToTorch(Reference.Modules.GaussianDropout.Forward(x, zeros, 0.5, training: false), yd);
        CloseToTorch(Reference.Modules.GaussianNoise.Forward(x, zeros, 0.3, training: false), yn);
        Assert.Equal(1.0, Reference.Modules.GaussianDropout.StandardDeviation(0.5), 15);
    }

    [Fact]
    public void DropConnectLinear_Eval_UsesTheExpectedWeights()
    {
        manual_seed(11);
        using var layer = new Torch.Modules.DropConnectLinear(4, 3, 0.3);
        layer.eval();
        var x = Input(5, 4, 12);
        using var xt = ToTorch(x);
        var weight = new Matrix(3, 4, Doubles(layer.Weight));

        using var y = layer.call(xt);

        CloseToTorch(Reference.Modules.DropConnectLinear.Forward(x, weight, Doubles(layer.Bias!), new Matrix(3, 4), 0.3, training: false).Data, y);
    }

    [Theory]
    [InlineData(Regularizers.Torch.Losses.LabelSmoothing.Uniform, RefLabelSmoothingMode.Uniform)]
    [InlineData(Regularizers.Torch.Losses.LabelSmoothing.OtherClasses, RefLabelSmoothingMode.OtherClasses)]
    public void LabelSmoothingCrossEntropy_WeightedWithIgnoredClass_EqualsReference(Regularizers.Torch.Losses.LabelSmoothing torchMode, RefLabelSmoothingMode refMode)
    {
        var logits = Input(6, 4, 13);
        int[] labels = [0, 3, 2, 1, 3, 2];
        double[] weight = [1.0, 2.0, 0.5, 1.5];
        using var w = ToTorch(weight);
        using var loss = new Torch.Losses.LabelSmoothingCrossEntropy(0.2, torchMode, w, ignoreIndex: 1);
        using var z = ToTorch(logits).requires_grad_(true);
        using var y = tensor(labels.Select(l => (long)l).ToArray());

        using var value = loss.call(z, y);
        value.backward();
        var (refValue, refGradient) = new RefLabelSmoothing(0.2, refMode, weight, ignoreIndex: 1).Compute(logits, labels);

        CloseToTorch(refValue, value);
        CloseToTorch(refGradient.Data, z.grad!);
    }

    public static TheoryData<string> Projections => ["max_norm", "unit_norm", "non_neg", "min_max_norm"];

    [Theory]
    [MemberData(nameof(Projections))]
    public void Constraint_AfterApply_EqualsReferenceProjection(string name)
    {
        manual_seed(14);
        using var model = nn.Sequential(("fc", nn.Linear(6, 5)));
        using (no_grad())
        {
            var fc = (Linear)model[0];
            fc.weight.mul_(tensor(new[] { 0.1f, 1f, 3f, 8f, 20f }).unsqueeze(1));
        }
        var weight = new Matrix(5, 6, Doubles(((Linear)model[0]).weight));
        IConstraint constraint = name switch
        {
            "max_norm" => new MaxNorm(1.0),
            "unit_norm" => new UnitNorm(),
            "non_neg" => new NonNeg(),
            _ => new MinMaxNorm(0.5, 2.0, 0.7),
        };

        constraint.Apply(model);
        switch (name)
        {
            case "max_norm":
                RefMaxNorm.Apply(weight, 1.0);
                break;
            case "unit_norm":
                RefUnitNorm.Apply(weight);
                break;
            case "non_neg":
                RefNonNeg.Apply(weight.Data);
                break;
            default:
                RefMinMaxNorm.Apply(weight, 0.5, 2.0, 0.7);
                break;
        }

        CloseToTorch(weight.Data, ((Linear)model[0]).weight);
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
        Optimizers.IOptimizer reference = name switch
        {
            "sgd" => new Optimizers.Sgd(0.1, 0.01),
            "momentum" => new Optimizers.Momentum(0.1, 0.9, dampening: 0.1),
            "nesterov" => new Optimizers.Nesterov(0.1, 0.9),
            "adagrad" => new Optimizers.AdaGrad(0.1, learningRateDecay: 0.05, initialAccumulatorValue: 0.1),
            "rmsprop" => new Optimizers.RmsProp(0.01, alpha: 0.9),
            "rmsprop_centered" => new Optimizers.RmsProp(0.01, alpha: 0.9, momentum: 0.5, centered: true),
            "adam" => new Optimizers.Adam(0.01, weightDecay: 0.01),
            _ => new Optimizers.Adam(0.01, weightDecay: 0.1, decay: Optimizers.AdamWeightDecay.Decoupled),
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

    [Fact]
    public void BatchNorm_TrainForwardBackwardAndRunningStats_EqualBatchNorm1d()
    {
        using var torchBn = nn.BatchNorm1d(3);
        var bn = new Normalization.BatchNorm(3);
        var x = Input(8, 3, 16);
        var r = Input(8, 3, 17);
        using var xt = ToTorch(x).requires_grad_(true);
        using var rt = ToTorch(r);

        using var y = torchBn.call(xt);
        using var loss = (y * rt).sum();
        loss.backward();
        var (refY, normalized, inverseStd) = bn.Forward(x, training: true);
        var (dx, dGamma, dBeta) = bn.Backward(normalized, inverseStd, r);

        CloseToTorch(refY.Data, y);
        CloseToTorch(dx.Data, xt.grad!);
        CloseToTorch(dGamma, torchBn.weight.grad!);
        CloseToTorch(dBeta, torchBn.bias!.grad!);
        CloseToTorch(bn.RunningMean, torchBn.running_mean!);
        CloseToTorch(bn.RunningVariance, torchBn.running_var!);
    }

    [Fact]
    public void Bootstrap_SameRandomSeed_SameRowsAsCoreSampler()
    {
        var core = new BootstrapSampler().Sample(50, new Random(18));

        var (inBag, outOfBag) = Bootstrap.Sample(50, 50, new Random(18));

        Assert.Equal(core.InBag, inBag);
        Assert.Equal(core.OutOfBag, outOfBag);
    }

    [Theory]
    [InlineData(EnsembleCombination.HardVote)]
    [InlineData(EnsembleCombination.ArithmeticMean)]
    [InlineData(EnsembleCombination.GeometricMean)]
    public void Combination_EqualsCoreEnsembleCombiner(EnsembleCombination combination)
    {
        var random = new Random(19);
        var members = Enumerable.Range(0, 3).Select(_ => RandomProbabilities(4, 3, random)).ToList();

        var expected = EnsembleCombiner.Combine(members.Select(m => m.Data.Select(v => (float)v).ToArray()).ToList(), 3, combination);
        var actual = combination switch
        {
            EnsembleCombination.HardVote => Combination.HardVote(members),
            EnsembleCombination.ArithmeticMean => Combination.ArithmeticMean(members),
            _ => Combination.GeometricMean(members),
        };

        Close(expected.Select(v => (double)v).ToArray(), actual.Data, TorchRelative, TorchAbsolute);
    }

    private static Matrix RandomProbabilities(int rows, int classes, Random random)
    {
        var m = new Matrix(rows, classes);
        for (var r = 0; r < rows; r++)
        {
            var row = m.Row(r);
            for (var c = 0; c < classes; c++)
            {
                row[c] = random.NextDouble() + 0.05;
            }
            var sum = 0.0;
            foreach (var v in row)
            {
                sum += v;
            }
            for (var c = 0; c < classes; c++)
            {
                row[c] /= sum;
            }
        }
        return m;
    }
}
