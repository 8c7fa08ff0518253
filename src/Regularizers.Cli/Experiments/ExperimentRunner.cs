using TorchSharp;
using System.Diagnostics;
using Regularizers.Cli.Data;
using Regularizers.Torch.Ensembles;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>Trains one configuration with one seed and scores it.</summary>
internal static class ExperimentRunner
{
    /// <summary>
    /// Trains <paramref name="configuration"/> on the data's training set with seed <paramref name="seed"/> (initial
    /// weights, batch order and bootstrap samples all follow from it) and returns its scores and the trained model,
    /// which the caller disposes.
    /// </summary>
    /// <param name="settings">The shared architecture, optimizer and schedule.</param>
    /// <param name="configuration">What to add to the plain network.</param>
    /// <param name="data">Training, validation and test sets.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="onEpoch">Called after every epoch of every network (for progress displays).</param>
    /// <param name="callbacks">More callbacks for the trainer, after the runner's own (e.g. a checkpoint).</param>
    /// <param name="token">Cancelling stops training at the end of the current batch.</param>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled; nothing is returned.</exception>
    public static (RunResult Result, TrainedModel Model) Run(
        ExperimentSettings settings, Configuration configuration, ExperimentData data, int seed, Action? onEpoch = null,
        IReadOnlyList<TrainingCallback>? callbacks = null, CancellationToken token = default)
    {
        var recorder = new ValidationRecorder(data.ValidationX, data.ValidationY, trainerLossIsCrossEntropy: configuration.Loss is null);
        using var loss = configuration.Loss?.Invoke();
        var all = new List<TrainingCallback> { recorder, new StopOnCancel(token) };
        if (onEpoch is not null)
        {
            all.Add(new EpochCounter(onEpoch));
        }
        using var earlyStopping = configuration.EarlyStopping is { } criterion ? new EarlyStopping(criterion()) : null;
        if (earlyStopping is not null)
        {
            all.Add(earlyStopping);
        }
        using var averaging = configuration.Averaging?.Invoke(settings);
        if (averaging is not null)
        {
            all.Add(averaging);
        }
        all.AddRange(callbacks ?? []);
        var options = new TrainerOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Seed = seed,
            Loss = loss is null ? (o, t) => nn.functional.cross_entropy(o, t) : loss.call,
            ModelLoss = configuration.ModelLoss?.Invoke(),
            Regularization = configuration.Regularization?.Invoke(),
            Adversarial = configuration.Adversarial?.Invoke(),
            BatchTransform = configuration.BatchTransform?.Invoke(data.Classes),
            Callbacks = all,
        };
        var clock = Stopwatch.StartNew();
        var (model, histories) = configuration.BaggingMembers > 0
            ? TrainEnsemble(settings, configuration, data, seed, options)
            : TrainSingle(settings, configuration, data, seed, options, earlyStopping is not null || averaging is not null);
        var seconds = clock.Elapsed.TotalSeconds;
        if (token.IsCancellationRequested)
        {
            model.Dispose();
            token.ThrowIfCancellationRequested();
        }
        var trainScore = model.Score(data.TrainX, data.TrainLabels);
        var testScore = model.Score(data.TestX, data.TestLabels);
        var (norm, sparsity, magnitudes) = model.Weights();
        var result = new RunResult(
            configuration.Name, seed, trainScore.Accuracy, testScore.Accuracy, testScore.Loss,
            histories.Max(h => h.Epochs.Count), seconds, norm, sparsity,
            MeanPerEpoch(histories.Select(h => h.Series(Metric.Loss)).ToList()),
            MeanPerEpoch(recorder.Series),
            testScore.AccuracyBySize,
            histories.Select(h => h.StopReason).FirstOrDefault(r => r is not null))
        {
            WeightMagnitudes = magnitudes,
            Robust = RobustScore.Measure(model, data, seed),
        };
        return (result, model);
    }

    private static (TrainedModel, IReadOnlyList<TrainingHistory>) TrainSingle(
        ExperimentSettings settings, Configuration configuration, ExperimentData data, int seed, TrainerOptions options, bool validate)
    {
        var spec = settings.NetworkFor(data.Features, data.Classes);
        manual_seed(seed);
#pragma warning disable CA2000 // The ensemble owns the network from here; the model is disposed below if training fails.
        var model = new TrainedModel(BaggingEnsemble.FromModels([configuration.Build(spec).to(ComputeDevice.Of(settings.Device))], data.Features, data.Classes, configuration.Combination), data.Classes);
#pragma warning restore CA2000
        try
        {
            var network = model.Members[0];
            using var optimizer = spec.CreateOptimizer(network);
            var trainer = new Trainer(network, configuration.Optimizer?.Invoke(optimizer) ?? optimizer, options);
            var history = validate
                ? trainer.Fit(data.TrainX, data.TrainY, data.ValidationX, data.ValidationY)
                : trainer.Fit(data.TrainX, data.TrainY);
            return (model, [history]);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static (TrainedModel, IReadOnlyList<TrainingHistory>) TrainEnsemble(
        ExperimentSettings settings, Configuration configuration, ExperimentData data, int seed, TrainerOptions options)
    {
        var ensemble = BaggingEnsemble.Train(
            inputs => configuration.Build(settings.NetworkFor(inputs, data.Classes)).to(ComputeDevice.Of(settings.Device)),
            settings.NetworkFor(data.Features, data.Classes).CreateOptimizer,
            options,
            new BaggingOptions { Members = configuration.BaggingMembers, Combination = configuration.Combination, Seed = seed },
            data.TrainX,
            data.TrainY);
        return (new TrainedModel(ensemble, data.Classes), ensemble.Members.Select(m => m.History).ToList());
    }

    private static double[] MeanPerEpoch(IReadOnlyList<IReadOnlyList<double>> series)
    {
        var length = series.Count == 0 ? 0 : series.Max(s => s.Count);
        return Enumerable.Range(0, length).Select(e => series.Where(s => s.Count > e).Average(s => s[e])).ToArray();
    }
}
