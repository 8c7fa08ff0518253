using Regularizers.Core.Stopping;
using Regularizers.Torch.MultiTask;
using Regularizers.Torch.Training;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.MultiTask;

/// <summary>A shared trunk with a classification and a regression head: outputs, the weighted and uncertainty-weighted losses, per-task history, bad inputs.</summary>
public sealed class MultiTaskModelTests
{
    private static MultiTaskModel Model(TaskWeighting weighting = TaskWeighting.Fixed, double classWeight = 1, double valueWeight = 0.5, long seed = 0)
    {
        manual_seed(seed);
        return new MultiTaskModel(
            nn.Sequential(("fc", nn.Linear(4, 8)), ("act", nn.ReLU())),
            [
                new TaskHead("class", nn.Linear(8, 3), TaskKind.Classification, 3, classWeight),
                new TaskHead("value", nn.Linear(8, 1), TaskKind.Regression, 1, valueWeight),
            ],
            weighting);
    }

    private static (Tensor X, Tensor Y) Data(MultiTaskModel model, int n, long seed)
    {
        manual_seed(seed);
        var x = randn(n, 4);
        using var classes = x.select(1, 0).gt(0).to_type(ScalarType.Int64) + x.select(1, 1).gt(0.5).to_type(ScalarType.Int64);
        using var values = x.select(1, 2) * 2 + x.select(1, 3);
        return (x, model.Targets(classes, values));
    }

    [Fact]
    public void Forward_ConcatenatesTheHeadsInTaskOrder()
    {
        using var model = Model();
        using var x = randn(5, 4);

        using var output = model.call(x);

        Assert.Equal([5L, 4L], output.shape);
        Assert.Equal(["trunk.fc.weight", "trunk.fc.bias", "head_class.weight", "head_class.bias", "head_value.weight", "head_value.bias"], model.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Loss_Fixed_IsTheWeightedSumOfCrossEntropyAndMse()
    {
        using var model = Model(classWeight: 2, valueWeight: 0.5);
        var (x, y) = Data(model, 6, 1);
        using (x)
        using (y)
        {
            using var output = model.call(x);
            using var ce = nn.functional.cross_entropy(output.narrow(1, 0, 3), y.select(1, 0).to_type(ScalarType.Int64));
            using var mse = nn.functional.mse_loss(output.select(1, 3), y.select(1, 1));

            using var loss = model.Loss(output, y);

            Assert.Equal((2 * Scalar(ce)) + (0.5 * Scalar(mse)), Scalar(loss), 1e-6);
        }
    }

    [Fact]
    public void Loss_Uncertainty_HasKendallsValueAndLogVarianceGradient()
    {
        using var model = Model(TaskWeighting.Uncertainty, classWeight: 1, valueWeight: 1);
        using (no_grad())
        {
            model.LogVariances!.copy_(tensor(new[] { 0.5f, -1f }));
        }
        var (x, y) = Data(model, 6, 2);
        using (x)
        using (y)
        {
            using var output = model.call(x);
            var ce = Scalar(model.TaskLoss(output, y, 0));
            var mse = Scalar(model.TaskLoss(output, y, 1));

            using var loss = model.Loss(output, y);
            loss.backward();

            // e^{−s₁}·CE + ½s₁ + ½e^{−s₂}·MSE + ½s₂; ∂/∂s = −c·e^{−s}·L + ½.
            Assert.Equal((Math.Exp(-0.5) * ce) + 0.25 + (0.5 * Math.Exp(1) * mse) - 0.5, Scalar(loss), 1e-5);
            var gradient = Values(model.LogVariances!.grad!);
            Assert.Equal(-(Math.Exp(-0.5) * ce) + 0.5, gradient[0], 1e-5);
            Assert.Equal(-(0.5 * Math.Exp(1) * mse) + 0.5, gradient[1], 1e-5);
        }
    }

    [Fact]
    public void Uncertainty_TrainingOnlyTheLogVariances_ConvergesToLogOfTheLoss()
    {
        // With the heads fixed, ½e^{−s}·MSE + ½s is least at s = log MSE, and e^{−s}·CE + ½s at s = log 2·CE.
        using var model = Model(TaskWeighting.Uncertainty);
        var (x, y) = Data(model, 32, 3);
        using (x)
        using (y)
        {
            using var optimizer = optim.SGD([(TorchSharp.Modules.Parameter)model.LogVariances!], 0.5);
            for (var step = 0; step < 300; step++)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                model.Loss(model.call(x), y).backward();
                optimizer.step();
            }
            using var output = model.call(x);
            var s = Values(model.LogVariances!);

            Assert.Equal(Math.Log(2 * Scalar(model.TaskLoss(output, y, 0))), s[0], 1e-4);
            Assert.Equal(Math.Log(Scalar(model.TaskLoss(output, y, 1))), s[1], 1e-4);
        }
    }

    [Fact]
    public void Trainer_WithMultiTaskMetrics_RecordsPerTaskSeriesAndStopsOnTheChosenTask()
    {
        using var model = Model(seed: 4);
        var (x, y) = Data(model, 64, 5);
        var (vx, vy) = Data(model, 32, 6);
        using (x)
        using (y)
        using (vx)
        using (vy)
        {
            using var optimizer = optim.Adam(model.parameters(), 0.05);
            using var stopper = new EarlyStopping(MultiTaskMetrics.LossName("class"), MetricMode.Min, new Patience(3));
            var trainer = new Trainer(model, optimizer, new TrainerOptions
            {
                Epochs = 60, BatchSize = 16, Seed = 7, Loss = model.Loss,
                Callbacks = [new MultiTaskMetrics(model, vx, vy), stopper],
            });

            var history = trainer.Fit(x, y, vx, vy);

            Assert.Equal(["val_class_loss", "val_class_accuracy", "val_value_loss"], history.Names);
            var classLoss = history.Series("val_class_loss");
            Assert.Equal(history.Epochs.Count, classLoss.Count);
            Assert.Equal(classLoss.ToList().IndexOf(classLoss.Min()) + 1, history.RestoredEpoch);
            Assert.NotNull(history.StopReason);
            Assert.InRange(history.Series("val_class_accuracy").Max(), 0.6, 1);
            // The weighted validation loss is the trainer's own metric: w_class·L_class + w_value·L_value.
            var last = history.Epochs[^1];
            Assert.Equal(last.ValidationLoss!.Value, classLoss[^1] + (0.5 * history.Series("val_value_loss")[^1]), 1e-5);
        }
    }

    [Theory]
    [InlineData(-1.0, "weight must be a finite number greater than or equal to 0. Received: weight=-1.")]
    [InlineData(double.NaN, "weight must be a finite number greater than or equal to 0. Received: weight=NaN.")]
    [InlineData(double.PositiveInfinity, "weight must be a finite number greater than or equal to 0. Received: weight=Infinity.")]
    public void TaskHead_BadWeight_ThrowsNamingIt(double weight, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TaskHead("class", nn.Linear(2, 2), TaskKind.Classification, 2, weight));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void TaskHead_RegressionWithTwoOutputs_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TaskHead("value", nn.Linear(2, 2), TaskKind.Regression, 2));

        Assert.StartsWith("outputs must be 1 for a regression task. Received: outputs=2.", error.Message);
    }

    [Fact]
    public void Loss_TargetWithWrongColumns_ThrowsNamingTheTasks()
    {
        using var model = Model();
        using var output = model.call(randn(3, 4));
        using var target = zeros(3, 3);

        var error = Assert.Throws<ArgumentException>(() => model.Loss(output, target));

        Assert.StartsWith("target must be floating point [N, 2], one column per task (class, value), with N = 3 rows like the output; received Float32 [3, 3]. Build it with Targets(...).", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateTaskNames_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new MultiTaskModel(
            nn.Linear(2, 2),
            [new TaskHead("a", nn.Linear(2, 2), TaskKind.Classification, 2), new TaskHead("a", nn.Linear(2, 1), TaskKind.Regression, 1)]));

        Assert.StartsWith("tasks must have distinct names; 'a' appears 2 times.", error.Message);
    }

    [Fact]
    public void Forward_HeadWidthDisagreesWithDeclaration_Throws()
    {
        using var model = new MultiTaskModel(nn.Linear(2, 4), [new TaskHead("a", nn.Linear(4, 3), TaskKind.Classification, 5)]);

        var error = Assert.Throws<InvalidOperationException>(() => model.call(randn(2, 2)));

        Assert.Equal("Task 'a' declares 5 outputs, but its head returned shape [2, 3]; it must return [N, 5].", error.Message);
    }

    [Fact]
    public void HistoryRecord_TwiceInOneEpoch_Throws()
    {
        using var model = Model();
        var (x, y) = Data(model, 8, 8);
        using (x)
        using (y)
        {
            using var optimizer = optim.SGD(model.parameters(), 0.01);
            var trainer = new Trainer(model, optimizer, new TrainerOptions { Epochs = 1, Loss = model.Loss, Callbacks = [new RecordTwice()] });

            var error = Assert.Throws<InvalidOperationException>(() => trainer.Fit(x, y));

            Assert.Equal("Metric 'm' has 1 values but 1 epochs have completed: record each named metric once per epoch, from every OnEpochEnd.", error.Message);
        }
    }

    private sealed class RecordTwice : TrainingCallback
    {
        public override void OnEpochEnd(TrainingContext context)
        {
            context.History.Record("m", 1);
            context.History.Record("m", 2);
        }
    }
}
