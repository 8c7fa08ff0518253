using static Regularizers.Notebooks.Tests.PrintedValues;

namespace Regularizers.Notebooks.Tests;

/// <summary>Runs notebooks/04-early-stopping.ipynb once and checks what it claims against what it printed.</summary>
public sealed class EarlyStoppingNotebookTests : IClassFixture<EarlyStoppingNotebookTests.Fixture>
{
    private const string Stop = @" +stops after epoch +([0-9]+) \(validation loss ([0-9.]+), test accuracy ([0-9.]+)\), keeps epoch +([0-9]+) \(validation loss ([0-9.]+), test loss ([0-9.]+), test accuracy ([0-9.]+)\)";
    private readonly NotebookRun _run;

    public EarlyStoppingNotebookTests(Fixture fixture) => _run = fixture.Run;

    public sealed class Fixture
    {
        public NotebookRun Run { get; } = NotebookRun.Execute("04-early-stopping.ipynb");
    }

    /// <summary>What a criterion's replay printed: the stop epoch and the kept one, with their numbers.</summary>
    private (int Stop, double StopValidation, double StopAccuracy, int Kept, double KeptValidation, double KeptTestLoss, double KeptAccuracy) Replay(string criterion)
    {
        var g = Groups(_run, System.Text.RegularExpressions.Regex.Escape(criterion) + Stop).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return ((int)g[0], g[1], g[2], (int)g[3], g[4], g[5], g[6]);
    }

    [Fact]
    public void EarlyStopping_EveryCell_RunsWithoutErrors()
    {
        Assert.Empty(_run.Failures);
        Assert.Equal(6, _run.Outputs.Count);
        Assert.All(_run.Outputs.Where((_, i) => i != 3), output => Assert.NotEmpty(output));
        Assert.Contains("train 1500, validation 1000, test 2000", _run.Outputs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EarlyStopping_Chart_IsDisplayedAsAPngImage()
    {
        var image = Assert.Single(Images(_run, 4));
        Assert.Equal((860, 420), PngSize(image));
    }

    [Fact]
    public void EarlyStopping_RunWithoutStopping_OverfitsInLossNotInAccuracy()
    {
        var best = (int)Number(_run, @"lowest validation loss [0-9.]+ at epoch ([0-9]+)");
        var bestLoss = Number(_run, @"lowest validation loss ([0-9.]+)");
        Assert.Equal(14, best);
        Assert.InRange(Number(_run, @"epoch 40: training loss ([0-9.]+)"), 0, 0.1);
        // "rises by about a quarter by epoch 40"
        Assert.InRange(Number(_run, @"epoch 40: training loss [0-9.]+, validation loss ([0-9.]+)") / bestLoss, 1.15, 1.35);
        Assert.InRange(Number(_run, @"at epoch 14: test loss ([0-9.]+)"), 0.4, 0.6);
        Assert.True(Number(_run, @"after epoch 40: test loss ([0-9.]+)") > Number(_run, @"at epoch 14: test loss ([0-9.]+)"));
        var bestAccuracy = Number(_run, @"at epoch 14: test loss [0-9.]+, accuracy ([0-9.]+)");
        Assert.InRange(bestAccuracy, 0.78, 0.86);
        Assert.True(Number(_run, @"after epoch 40: test loss [0-9.]+, accuracy ([0-9.]+)") >= bestAccuracy, "Test accuracy does not fall after the best epoch, as the notebook says.");
    }

    [Fact]
    public void EarlyStopping_Replay_StopsWhereTheNotebookSays()
    {
        var gl = Replay("GL_5");
        Assert.Equal((8, 5), (gl.Stop, gl.Kept));
        Assert.Equal(0.6025, gl.StopValidation, 4);
        Assert.Equal(0.5468, gl.KeptValidation, 4);
        Assert.Contains("PQ_0.5       does not stop within 40 epochs", _run.Text, StringComparison.Ordinal);
        Assert.Equal(25, Replay("PQ_0.1").Stop);
        foreach (var criterion in new[] { "Patience(5)", "UP_1", "PQ_0.1", "UP_2" })
        {
            var replay = Replay(criterion);
            Assert.InRange(replay.Stop, 15, 40);
            Assert.Equal(14, replay.Kept);
        }
        Assert.All(Numbers(_run, @"P5 +([0-9]+)‰"), p => Assert.InRange(p, 71, 1000));
        Assert.All(Numbers(_run, @"GL/P5 ([0-9.]+)"), q => Assert.InRange(q, 0, 0.22));
    }

    [Fact]
    public void EarlyStopping_KeptEpoch_HasALowerTestLossButNoHigherAccuracyThanNoStopping()
    {
        var kept = Replay("Patience(5)");
        Assert.Equal(0.5350, kept.KeptTestLoss, 4);
        Assert.Equal(0.6667, Number(_run, @"no stopping +epoch 40 \(validation loss [0-9.]+, test loss ([0-9.]+)"), 4);
        Assert.True(kept.KeptAccuracy <= Number(_run, @"no stopping +epoch 40 .*test accuracy ([0-9.]+)"));
        Assert.True(kept.KeptAccuracy < Replay("PQ_0.1").StopAccuracy);
    }

    [Fact]
    public void EarlyStopping_Callback_StopsAndRestoresWhereTheReplayDid()
    {
        var replay = Replay("Patience(5)");
        Assert.Equal(replay.Stop, Number(_run, @"ran ([0-9]+) epochs, restored epoch"));
        Assert.Equal(replay.Kept, Number(_run, @"restored epoch ([0-9]+):"));
        Assert.Equal(replay.KeptValidation, Number(_run, @"restored epoch [0-9]+: validation loss ([0-9.]+)"));
        Assert.Equal(replay.KeptAccuracy, Number(_run, @"restored epoch [0-9]+: .*test accuracy ([0-9.]+)"));
        Assert.Contains($"early stopping at epoch {replay.Stop}: validation error did not improve for 5 epochs", _run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EarlyStopping_Retraining_BothAlgorithmsBeatEarlyStoppingAloneInThisRun()
    {
        var alone = (Loss: Number(_run, @"early stopping alone .*test loss ([0-9.]+)"), Accuracy: Number(_run, @"early stopping alone .*test accuracy ([0-9.]+)"));
        foreach (var algorithm in new[] { "7.2", "7.3" })
        {
            var loss = Number(_run, $@"Algorithm {algorithm} .*test loss ([0-9.]+)");
            var accuracy = Number(_run, $@"Algorithm {algorithm} .*test accuracy ([0-9.]+)");
            Assert.InRange(loss, 0.3, alone.Loss);
            Assert.InRange(accuracy, alone.Accuracy, 0.9);
        }
        Assert.Equal(14, Number(_run, @"Algorithm 7\.2 \(([0-9]+) epochs on 2,500 images"));
        Assert.Contains("reached True", _run.Text, StringComparison.Ordinal);
        Assert.InRange(Number(_run, @"Algorithm 7\.3 .*: ([0-9]+) more epochs"), 1, 20);
        Assert.True(Number(_run, @"Algorithm 7\.3 .*reached True, validation loss ([0-9.]+)") < Number(_run, @"ε = ([0-9.]+)"));
    }
}
