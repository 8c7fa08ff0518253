using Regularizers.Core.Schedules;
using Regularizers.Torch.Adversarial;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Penalties;
using Regularizers.Torch.Schedules;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.Adversarial.AttackModels;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Schedules;

/// <summary>The strengths scheduled beyond dropout p, noise σ, L1/L2 λ, max-norm c and label-smoothing ε.</summary>
public sealed class StrengthSchedulesTests
{
    private static Dictionary<string, double> Rounded(IReadOnlyDictionary<string, double> values) =>
        values.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 12));

    [Fact]
    public void Advance_ElasticNetStrengths_FollowTheirSchedulesInTheValueAndTheLog()
    {
        var penalty = new ElasticNetPenalty(Schedule.Linear(0, 1e-3, 4), Schedule.Step(1e-2, 0.5, 1));
        var reg = new Regularization { penalty };
        using var weight = tensor(new float[] { 1, -2, 3, 0 }, new long[] { 2, 2 });

        ScheduledStrengths.Advance(2, 0, reg);

        Assert.Equal((5e-4, 2.5e-3), (penalty.L1Strength, penalty.L2Strength));
        // λ₁·Σ|w| + (λ₂/2)·Σw² = 5e-4·6 + 1.25e-3·14.
        Assert.Equal(0.0205, penalty.Value(weight), 12);
        Assert.Equal(new Dictionary<string, double> { ["elastic_net.l1_strength"] = 5e-4, ["elastic_net.l2_strength"] = 2.5e-3 }, Rounded(ScheduledStrengths.Values(reg)));
        Assert.Empty(new ElasticNetPenalty(1e-4, 1e-3).ScheduledValues);
    }

    [Fact]
    public void ElasticNet_OneScheduleOneNumber_KeepsTheNumberAndReportsBoth()
    {
        var penalty = new ElasticNetPenalty(Schedule.Linear(0, 1e-3, 2), 1e-3);

        penalty.Advance(1, 0);

        Assert.Equal(new Dictionary<string, double> { ["l1_strength"] = 5e-4, ["l2_strength"] = 1e-3 }, Rounded(penalty.ScheduledValues));
    }

    [Theory]
    [InlineData("GaussianDropout", "p must be a finite number in the range [0, 1). Received: p=1.5. (Parameter 'p')")]
    [InlineData("DropConnectLinear", "p must be a finite number in the range [0, 1). Received: p=1.5. (Parameter 'p')")]
    [InlineData("WeightNoise", "stddev must be a finite number greater than or equal to 0. Received: stddev=-0.5. (Parameter 'stddev')")]
    [InlineData("ElasticNetL1", "L1Strength must be a finite number greater than or equal to 0. Received: L1Strength=-0.5. (Parameter 'L1Strength')")]
    [InlineData("ElasticNetL2", "L2Strength must be a finite number greater than or equal to 0. Received: L2Strength=-0.5. (Parameter 'L2Strength')")]
    [InlineData("ExponentialMovingAverage", "Decay must be a finite number in the range [0, 1). Received: Decay=1.5. (Parameter 'Decay')")]
    [InlineData("FgsmAttack", "Epsilon must be a finite number greater than or equal to 0. Received: Epsilon=-0.5. (Parameter 'Epsilon')")]
    [InlineData("Madry", "Epsilon must be a finite number greater than or equal to 0. Received: Epsilon=-0.5. (Parameter 'Epsilon')")]
    [InlineData("ConfidencePenalty", "Beta must be a finite number greater than or equal to 0. Received: Beta=-0.5. (Parameter 'Beta')")]
    [InlineData("RDropLoss", "Alpha must be a finite number greater than or equal to 0. Received: Alpha=-0.5. (Parameter 'Alpha')")]
    public void Advance_ValueOutOfRange_ThrowsMessageNamingTheStrengthAndTheValue(string subject, string expected)
    {
        // Each schedule is valid at epoch 0 (so construction succeeds) and out of range from epoch 1.
        Schedule Bad(double bad) => Schedule.FromEpoch(e => e == 0 ? 0.5 : bad);
        object scheduled = subject switch
        {
            "GaussianDropout" => new GaussianDropout(Bad(1.5)),
            "DropConnectLinear" => new DropConnectLinear(2, 2, Bad(1.5)),
            "WeightNoise" => new WeightNoise(nn.Linear(2, 2), Bad(-0.5)),
            "ElasticNetL1" => new ElasticNetPenalty(Bad(-0.5), 1e-3),
            "ElasticNetL2" => new ElasticNetPenalty(1e-3, Bad(-0.5)),
            "ExponentialMovingAverage" => new ExponentialMovingAverage(Bad(1.5)),
            "FgsmAttack" => new FgsmAttack(Bad(-0.5)),
            "Madry" => AdversarialTraining.Madry(Bad(-0.5), 0.01, 2),
            "ConfidencePenalty" => new ConfidencePenalty(Bad(-0.5)),
            "RDropLoss" => new RDropLoss(Bad(-0.5)),
            _ => throw new ArgumentException(subject, nameof(subject)),
        };
        try
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScheduledStrengths.Advance(1, 0, scheduled));

            Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            (scheduled as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void Advance_FgsmEpsilonWarmup_PerturbsByTheEpsilonInForce()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        var attack = new FgsmAttack(Schedule.Linear(0, 0.2, 4));

        Assert.Equal(Values(x), Values(attack.Perturb(model, x, y)));
        ScheduledStrengths.Advance(2, 0, attack);

        Assert.Equal(0.1, attack.Epsilon, 15);
        Assert.InRange(Scalar((attack.Perturb(model, x, y) - x).abs().max()), 0.1 - 1e-6, 0.1 + 1e-6);
        Assert.Equal(new Dictionary<string, double> { ["FgsmAttack.epsilon"] = 0.1 }, Rounded(ScheduledStrengths.Values(attack)));
    }

    [Fact]
    public void Advance_MadryEpsilonFromZero_ReturnsTheInputThenKeepsToTheGrownBallWithItsFixedStep()
    {
        using var scope = NewDisposeScope();
        var (model, x, y) = Trained();
        using var generator = new Generator(5);
        var training = AdversarialTraining.Madry(Schedule.Linear(0, 0.2, 4, ScheduleUnit.Step), 0.04, 3, generator: generator);
        var attack = (PgdAttack)training.Attack;

        Assert.Equal(Values(x), Values(attack.Perturb(model, x, y)));
        ScheduledStrengths.Advance(0, 4, training);

        Assert.Equal((0.2, 0.04), (attack.Epsilon, attack.StepSize));
        Assert.InRange(Scalar((attack.Perturb(model, x, y) - x).abs().max()), 0.19, 0.2 + 1e-6);
        Assert.Equal(new Dictionary<string, double> { ["AdversarialTraining.epsilon"] = 0.2 }, Rounded(ScheduledStrengths.Values(training)));
    }

    [Fact]
    public void Advance_ConfidencePenaltyBeta_GivesTheConstantLossAtThatBeta()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var (logits, target) = (randn(8, 5), randint(0, 5, new long[] { 8 }));
        using var penalty = new ConfidencePenalty(Schedule.Linear(0, 0.4, 2));

        Assert.Equal(Scalar(nn.functional.cross_entropy(logits, target)), Scalar(penalty.call(logits, target)));
        ScheduledStrengths.Advance(1, 0, penalty);

        using var constant = new ConfidencePenalty(0.2);
        Assert.Equal(Scalar(constant.call(logits, target)), Scalar(penalty.call(logits, target)));
        Assert.Equal(new Dictionary<string, double> { ["ConfidencePenalty.beta"] = 0.2 }, Rounded(ScheduledStrengths.Values(penalty)));
    }

    [Fact]
    public void Advance_RDropAlpha_GivesTheConstantLossAtThatAlpha()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var (first, second, target) = (randn(8, 5), randn(8, 5), randint(0, 5, new long[] { 8 }));
        using var loss = new RDropLoss(Schedule.Step(2, 0.5, 3));

        ScheduledStrengths.Advance(3, 0, loss);

        using var constant = new RDropLoss(1);
        Assert.Equal(1, loss.Alpha);
        Assert.Equal(Scalar(constant.call(first, second, target)), Scalar(loss.call(first, second, target)));
        Assert.Equal(new Dictionary<string, double> { ["RDropLoss.alpha"] = 1 }, Rounded(ScheduledStrengths.Values(loss)));
    }

    [Fact]
    public void Trainer_ModelLossCallbackAndPenaltySchedules_LogsEachEpochsValues()
    {
        using var x = randn(32, 4);
        using var y = randint(0, 2, new long[] { 32 });
        manual_seed(6);
        using var model = nn.Sequential(
            ("fc1", new DropConnectLinear(4, 8, Schedule.Linear(0, 0.4, 2))), ("act", nn.ReLU()), ("drop", new GaussianDropout(Schedule.Step(0.4, 0.5, 1))),
            ("fc2", new WeightNoise(nn.Linear(8, 2), Schedule.Linear(0.1, 0, 2))));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var ema = new ExponentialMovingAverage(Schedule.Linear(0.9, 0.99, 2));
        using var rdrop = new RDropLoss(Schedule.Linear(0, 1, 2));
        var options = new TrainerOptions
        {
            Epochs = 3, BatchSize = 16, Seed = 2, ModelLoss = rdrop, Callbacks = [ema],
            Regularization = new Regularization { new ElasticNetPenalty(Schedule.Linear(0, 1e-3, 2), Schedule.Step(1e-2, 0.1, 1)) },
        };

        var history = new Trainer(model, optimizer, options).Fit(x, y);

        var expected = new Dictionary<string, double[]>
        {
            ["fc1.p"] = [0, 0.2, 0.4],
            ["drop.p"] = [0.4, 0.2, 0.1],
            ["fc2.stddev"] = [0.1, 0.05, 0],
            ["RDropLoss.alpha"] = [0, 0.5, 1],
            ["ExponentialMovingAverage.decay"] = [0.9, 0.945, 0.99],
            ["elastic_net.l1_strength"] = [0, 5e-4, 1e-3],
            ["elastic_net.l2_strength"] = [1e-2, 1e-3, 1e-4],
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), history.Epochs[0].ScheduledValues.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.Equal(pair.Value, history.Epochs.Select(e => Math.Round(e.ScheduledValues[pair.Key], 12))));
    }

    [Fact]
    public void Trainer_EmaDecayScheduledToZero_EndsWithTheModelsOwnLastWeights()
    {
        using var x = randn(32, 4);
        using var y = randint(0, 2, new long[] { 32 });
        float[][] Final(ExponentialMovingAverage? ema)
        {
            using var model = Mlp(8);
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            new Trainer(model, optimizer, new TrainerOptions { Epochs = 2, BatchSize = 8, Seed = 1, Callbacks = ema is null ? Array.Empty<TrainingCallback>() : [ema] }).Fit(x, y);
            ema?.Dispose();
            return model.parameters().Select(Values).ToArray();
        }

        var plain = Final(null);

        // Decay 0 in the last epoch: every update there copies the weights, so the average ends as the model's own.
        Assert.Equal(plain, Final(new ExponentialMovingAverage(Schedule.FromEpoch(e => e == 0 ? 0.5 : 0))));
        Assert.NotEqual(plain, Final(new ExponentialMovingAverage(0.5)));
    }

    [Fact]
    public void Trainer_FgsmEpsilonWarmupFromZero_TrainsCleanFirstAndLogsEpsilonAndBeta()
    {
        manual_seed(9);
        using var x = rand(64, 4);
        using var y = randint(0, 2, new long[] { 64 });
        TrainingHistory Run(AdversarialTraining? adversarial, int initialEpoch = 0)
        {
            using var model = Mlp(5);
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            using var penalty = new ConfidencePenalty(Schedule.Linear(0.2, 0, 2));
            var options = new TrainerOptions
            {
                Epochs = 3, InitialEpoch = initialEpoch, BatchSize = 16, Seed = 4, Loss = penalty.call, Scheduled = [penalty], Adversarial = adversarial,
            };
            return new Trainer(model, optimizer, options).Fit(x, y);
        }

        var plain = Run(null);
        var warmup = Run(AdversarialTraining.Goodfellow(Schedule.Linear(0, 0.1, 4)));
        var resumed = Run(AdversarialTraining.Goodfellow(Schedule.Linear(0, 0.1, 4)), initialEpoch: 2);

        Assert.Equal([0, 0.025, 0.05], warmup.Epochs.Select(e => Math.Round(e.ScheduledValues["AdversarialTraining.epsilon"], 12)));
        Assert.Equal([0.2, 0.1, 0], warmup.Epochs.Select(e => Math.Round(e.ScheduledValues["ConfidencePenalty.beta"], 12)));
        // ε = 0 in the first epoch: x_adv = x, so ½·J(x) + ½·J(x_adv) is the clean loss; then the attack changes the losses.
        Assert.Equal(plain.Epochs[0].TrainLoss, warmup.Epochs[0].TrainLoss, 6);
        Assert.NotEqual(plain.Epochs[2].TrainLoss, warmup.Epochs[2].TrainLoss, 3);
        Assert.Equal(0.05, Math.Round(resumed.Epochs.Single().ScheduledValues["AdversarialTraining.epsilon"], 12));
    }
}
