using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// Records the validation cross-entropy after every epoch, in eval mode and without smoothing or penalties, so the loss
/// curves of all configurations are comparable; one series per trained network (bagging trains several). When the
/// <c>Trainer</c> has just measured that same quantity on the same data (<paramref name="trainerLossIsCrossEntropy"/>
/// and validation data given to <c>Fit</c>), its figure is taken instead of a second pass over the validation set.
/// </summary>
/// <param name="x">The validation inputs.</param>
/// <param name="y">The validation class indices.</param>
/// <param name="trainerLossIsCrossEntropy">Whether the Trainer's loss is plain cross-entropy (no smoothing).</param>
internal sealed class ValidationRecorder(Tensor x, Tensor y, bool trainerLossIsCrossEntropy) : TrainingCallback
{
    private readonly List<List<double>> _series = [];

    /// <summary>Per network, the validation loss after each epoch.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Series => _series;

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context) => _series.Add([]);

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
        if (trainerLossIsCrossEntropy && context.History.Epochs[^1].ValidationLoss is { } measured)
        {
            _series[^1].Add(measured);
            return;
        }
        var model = context.Model;
        var wasTraining = model.training;
        model.eval();
        using (no_grad())
        using (NewDisposeScope())
        {
            _series[^1].Add(nn.functional.cross_entropy(model.call(x), y).item<float>());
        }
        model.train(wasTraining);
    }
}
