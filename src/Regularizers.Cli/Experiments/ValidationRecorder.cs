using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// Records the validation cross-entropy after every epoch, in eval mode and without smoothing or penalties, so the loss
/// curves of all configurations are comparable; one series per trained network (bagging trains several).
/// </summary>
internal sealed class ValidationRecorder(Tensor x, Tensor y) : TrainingCallback
{
    private readonly List<List<double>> _series = [];

    /// <summary>Per network, the validation loss after each epoch.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Series => _series;

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context) => _series.Add([]);

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context)
    {
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
