using Regularizers.Reference.Losses;
using Regularizers.Reference.Networks;
using Regularizers.Reference.Normalization;
using Regularizers.Reference.Penalties;

namespace Regularizers.Reference.Tests;

public class GradientCheckTests
{
    private static Matrix Random(int rows, int cols, Random random, double scale = 1)
    {
        var m = new Matrix(rows, cols);
        for (var i = 0; i < m.Data.Length; i++)
        {
            m.Data[i] = ((2 * random.NextDouble()) - 1) * scale;
        }
        return m;
    }

    private static DenseNetwork Network(Activation hidden, Random random) => new(
        [new AffineLayer(Random(5, 4, random), Random(1, 5, random).Data), new AffineLayer(Random(3, 5, random), Random(1, 3, random).Data)],
        [hidden, Activation.Identity]);

    [Theory]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.Identity)]
    public void DenseNetwork_Backward_MatchesCentralDifferencesForEveryParameter(Activation activation)
    {
        var random = new Random(1);
        var network = Network(activation, random);
        var x = Random(6, 4, random);
        int[] labels = [0, 2, 1, 1, 0, 2];
        double Loss() => SoftmaxCrossEntropy.Compute(network.Forward(x).Output, labels).Loss;

        var pass = network.Forward(x);
        var gradients = network.Backward(pass, SoftmaxCrossEntropy.Compute(pass.Output, labels).Gradient);

        Assert.Equal(4, gradients.Count);
        for (var i = 0; i < network.Parameters.Count; i++)
        {
            FiniteDifference.Check(Loss, network.Parameters[i].Values, gradients[i]);
        }
    }

    [Fact]
    public void DenseNetwork_InputGradient_MatchesCentralDifferences()
    {
        var random = new Random(2);
        var network = Network(Activation.Tanh, random);
        var x = Random(3, 4, random);
        int[] labels = [1, 0, 2];
        double Loss() => SoftmaxCrossEntropy.Compute(network.Forward(x).Output, labels).Loss;
        var pass = network.Forward(x);
        var (_, dLogits) = SoftmaxCrossEntropy.Compute(pass.Output, labels);
        var dz1 = Activations.Backward(Activation.Identity, pass.PreActivations[1], pass.Outputs[1], dLogits);
        var (_, _, dHidden) = network.Layers[1].Backward(pass.Inputs[1], dz1);
        var dz0 = Activations.Backward(Activation.Tanh, pass.PreActivations[0], pass.Outputs[0], dHidden);

        var (_, _, dx) = network.Layers[0].Backward(x, dz0);

        FiniteDifference.Check(Loss, x.Data, dx.Data);
    }

    public static TheoryData<string> WeightPenalties => ["l1", "l2", "elastic"];

    [Theory]
    [MemberData(nameof(WeightPenalties))]
    public void WeightPenalty_Gradient_MatchesCentralDifferences(string name)
    {
        IWeightPenalty penalty = name switch
        {
            "l1" => new L1Penalty(0.3),
            "l2" => new L2Penalty(0.7),
            _ => new ElasticNetPenalty(0.3, 0.7),
        };
        // Values kept away from 0, where |w| has no derivative.
        double[] w = [0.5, -1.25, 2.0, -0.1, 0.3];
        var gradient = new double[w.Length];

        penalty.AddGradient(w, gradient);

        FiniteDifference.Check(() => penalty.Value([w]), w, gradient);
    }

    [Fact]
    public void L1Penalty_ValueAndGradient_UseTheSameLambda()
    {
        // Seed 004's L1 returns 0.5·λ·Σ|w| but steps by λ·sign(w); here the value's slope is the step.
        var penalty = new L1Penalty(0.2);
        double[] w = [1.0, -2.0];
        var gradient = new double[2];

        penalty.AddGradient(w, gradient);

        Assert.Equal(0.2 * 3.0, penalty.Value([w]), 15);
        Assert.Equal([0.2, -0.2], gradient);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ActivityPenalty_Gradient_MatchesCentralDifferences(bool l1)
    {
        var a = Random(4, 3, new Random(3));

        var gradient = ActivityPenalty.Gradient(a, 0.4, l1);

        FiniteDifference.Check(() => ActivityPenalty.Value(a, 0.4, l1), a.Data, gradient.Data);
    }

    [Fact]
    public void ParameterTyingPenalty_Gradients_MatchCentralDifferences()
    {
        double[] a = [1.0, 2.0, -0.5];
        double[] b = [0.5, 2.5, 0.0];

        var (ga, gb) = ParameterTyingPenalty.Gradients(a, b, 0.8);

        FiniteDifference.Check(() => ParameterTyingPenalty.Value(a, b, 0.8), a, ga);
        FiniteDifference.Check(() => ParameterTyingPenalty.Value(a, b, 0.8), b, gb);
        Assert.Equal(0.4 * (0.25 + 0.25 + 0.25), ParameterTyingPenalty.Value(a, b, 0.8), 15);
    }

    [Theory]
    [InlineData(LabelSmoothing.Uniform, Reduction.Mean)]
    [InlineData(LabelSmoothing.OtherClasses, Reduction.Mean)]
    [InlineData(LabelSmoothing.Uniform, Reduction.Sum)]
    public void LabelSmoothing_Gradient_MatchesCentralDifferences(LabelSmoothing mode, Reduction reduction)
    {
        var logits = Random(5, 4, new Random(4), 3);
        int[] labels = [0, 3, 2, 1, 3];
        var loss = new LabelSmoothingCrossEntropy(0.2, mode, [1.0, 2.0, 0.5, 1.5], ignoreIndex: 2, reduction);

        var (_, gradient) = loss.Compute(logits, labels);

        FiniteDifference.Check(() => loss.Compute(logits, labels).Loss[0], logits.Data, gradient.Data);
    }

    [Fact]
    public void LabelSmoothing_ProbabilityTargets_GradientMatchesCentralDifferences()
    {
        var logits = Random(3, 4, new Random(5), 2);
        var targets = new Matrix(3, 4, [0.7, 0.1, 0.1, 0.1, 0, 0, 1, 0, 0.25, 0.25, 0.25, 0.25]);
        var loss = new LabelSmoothingCrossEntropy(0.1, LabelSmoothing.OtherClasses, [1.0, 0.5, 2.0, 1.0]);

        var (_, gradient) = loss.Compute(logits, targets);

        FiniteDifference.Check(() => loss.Compute(logits, targets).Loss[0], logits.Data, gradient.Data);
    }

    [Fact]
    public void LabelSmoothing_OtherClasses_PutsEpsilonOverKMinusOneElsewhere()
    {
        // Equal logits: p = 1/K everywhere, so the loss is log K whatever the targets; the gradient is p − q.
        var loss = new LabelSmoothingCrossEntropy(0.3, LabelSmoothing.OtherClasses);

        var (value, gradient) = loss.Compute(new Matrix(1, 4), [2]);

        Assert.Equal(Math.Log(4), value[0], 12);
        Tolerances.Close([0.15, 0.15, -0.45, 0.15], gradient.Data, 0, 1e-12);
    }

    [Fact]
    public void BatchNorm_Backward_MatchesCentralDifferences()
    {
        var random = new Random(6);
        var bn = new BatchNorm(3);
        bn.Gamma[0] = 1.5;
        bn.Gamma[1] = -0.5;
        bn.Beta[2] = 0.3;
        var x = Random(5, 3, random, 2);
        var r = Random(5, 3, random);
        double Loss()
        {
            var probe = new BatchNorm(3);
            bn.Gamma.CopyTo(probe.Gamma, 0);
            bn.Beta.CopyTo(probe.Beta, 0);
            var y = probe.Forward(x, training: true).Output;
            return y.Data.Zip(r.Data).Sum(p => p.First * p.Second);
        }

        var (_, normalized, inverseStd) = bn.Forward(x, training: true);
        var (dx, dGamma, dBeta) = bn.Backward(normalized, inverseStd, r);

        FiniteDifference.Check(Loss, x.Data, dx.Data);
        FiniteDifference.Check(Loss, bn.Gamma, dGamma);
        FiniteDifference.Check(Loss, bn.Beta, dBeta);
    }
}
