using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// The two ways to reuse the validation set after early stopping (Goodfellow et al. §7.8, Algorithms 7.2 and 7.3).
/// </summary>
public static class RetrainOnAllData
{
    /// <summary>
    /// Algorithm 7.2: re-initialise (a fresh model and optimizer from the factories) and train on training + validation
    /// data for the best number of epochs found by early stopping (the same number of passes, hence about the same number of
    /// steps per example; with the larger data set each epoch has proportionally more steps, as in the algorithm's epoch form).
    /// </summary>
    /// <param name="createModel">Builds a freshly initialised model.</param>
    /// <param name="createOptimizer">Builds the optimizer for a model.</param>
    /// <param name="options">The training options; <c>Epochs</c> is replaced by <paramref name="bestEpochs"/>.</param>
    /// <param name="bestEpochs">The best epoch count from the early-stopped run (≥ 1).</param>
    /// <param name="x">All inputs (training and validation).</param>
    /// <param name="y">All targets.</param>
    /// <returns>The retrained model (the caller owns it) and its history.</returns>
    public static (nn.Module<Tensor, Tensor> Model, TrainingHistory History) SameNumberOfSteps(
        Func<nn.Module<Tensor, Tensor>> createModel, Func<nn.Module<Tensor, Tensor>, optim.Optimizer> createOptimizer,
        TrainerOptions options, int bestEpochs, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        ArgumentNullException.ThrowIfNull(createOptimizer);
        ArgumentNullException.ThrowIfNull(options);
        Guard.AtLeast(bestEpochs, 1);
        var model = createModel();
        using var optimizer = createOptimizer(model);
        var trainer = new Trainer(model, optimizer, options with { Epochs = bestEpochs });
        return (model, trainer.Fit(x, y));
    }

    /// <summary>
    /// Algorithm 7.3: continue from the early-stopped parameters on training + validation data until the validation loss
    /// falls below <paramref name="targetTrainingLoss"/> (the training loss at the stopping point), checking after every
    /// epoch, for at most <paramref name="maxEpochs"/> epochs — the objective on the validation set may never get that low.
    /// </summary>
    /// <returns>The history and whether the target was reached.</returns>
    public static (TrainingHistory History, bool Reached) UntilTrainingLossBelow(
        nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, TrainerOptions options, double targetTrainingLoss,
        Tensor allX, Tensor allY, Tensor validationX, Tensor validationY, int maxEpochs = 100)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.AtLeast(maxEpochs, 1);
        var stop = new StopBelow(targetTrainingLoss);
        var trainer = new Trainer(model, optimizer, options with { Epochs = maxEpochs, Callbacks = options.Callbacks.Append(stop).ToList() });
        var history = trainer.Fit(allX, allY, validationX, validationY);
        return (history, stop.Reached);
    }

    private sealed class StopBelow(double target) : TrainingCallback
    {
        public bool Reached { get; private set; }

        public override void OnEpochEnd(TrainingContext context)
        {
            if (context.History.Epochs[^1].ValidationLoss < target)
            {
                Reached = true;
                context.StopTraining = true;
                context.StopReason = $"validation loss fell below the training loss at the stopping point ({target:G6})";
            }
        }
    }
}
